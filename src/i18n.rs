//! Interface words (not data): every label of the app's own chrome, in both languages.
//! Data labels live in the dataset; this holds only what the app itself says.

use crate::format;
use crate::model::{Citation, Dataset, Formula, Indicator, Lang, Status, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    DataAsOf,
    Language,
    ThemesLabel,
    AllThemes,
    Computed,
    Sources,
    Paragraph,
    Close,
    Details,
    Vs,
    Total,
    SkipToContent,
    Version,
    Footer,
    Embed,
    EmbedTitle,
    EmbedIntro,
    ColourScheme,
    SchemeAuto,
    SchemeLight,
    SchemeDark,
    Plain,
    Transparent,
    EmbedCode,
    Copy,
    Copied,
    CopyBlocked,
    OpenDashboard,
    NeedsJavaScript,
    EmbedAttributes,
    OfflineCopy,
    DownloadOffline,
    SchemeAutoShort,
    CopyLink,
    LinkCopied,
    LinkBlocked,
    DateNotStated,
    ShowChart,
    ShowTable,
    ColIndicator,
    ColPeriod,
    ColValue,
    ColStatus,
    ChartOrTable,
    Download,
    DownloadData,
    LangVi,
    LangEn,
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Lang::{En, Vi};
    use Msg::*;
    match (msg, lang) {
        (DataAsOf, Vi) => "Số liệu đến",
        (DataAsOf, En) => "Data as of",
        (Language, Vi) => "Ngôn ngữ",
        (Language, En) => "Language",
        (ThemesLabel, Vi) => "Lọc theo chủ đề",
        (ThemesLabel, En) => "Filter by theme",
        (AllThemes, Vi) => "Tất cả",
        (AllThemes, En) => "All",
        (Computed, Vi) => "Tính toán",
        (Computed, En) => "Computed",
        (Sources, Vi) => "Nguồn",
        (Sources, En) => "Sources",
        (Paragraph, Vi) => "đoạn",
        (Paragraph, En) => "para.",
        (Close, Vi) => "Đóng",
        (Close, En) => "Close",
        (Details, Vi) => "Chi tiết",
        (Details, En) => "Details",
        (Vs, Vi) => "so với",
        (Vs, En) => "vs",
        (Total, Vi) => "Tổng",
        (Total, En) => "Total",
        (SkipToContent, Vi) => "Bỏ qua, tới nội dung",
        (SkipToContent, En) => "Skip to content",
        (Version, Vi) => "Phiên bản dữ liệu",
        (Version, En) => "Data version",
        (Footer, Vi) => "Mọi số liệu dẫn từ hai bài báo nguồn; số “tính toán” được suy ra trong ứng dụng, không nhập tay.",
        (Footer, En) => "Every figure is cited from the two source articles; “computed” figures are derived in the app, never typed in.",
        (OfflineCopy, Vi) => "Bản ngoại tuyến (một tệp)",
        (OfflineCopy, En) => "Offline copy (single file)",
        (DownloadOffline, Vi) => "Tải bản ngoại tuyến: một tệp HTML, mở được không cần mạng",
        (DownloadOffline, En) => "Download the offline copy: one HTML file that opens without a network",
        (Embed, Vi) => "Nhúng",
        (Embed, En) => "Embed",
        (EmbedTitle, Vi) => "Nhúng vào bài viết",
        (EmbedTitle, En) => "Embed in an article",
        (EmbedIntro, Vi) => "Dán đoạn mã dưới đây vào trang của bạn. Khung tự điều chỉnh chiều cao theo nội dung trên mọi màn hình.",
        (EmbedIntro, En) => "Paste the code below into your page. The frame sizes itself to its content on every screen.",
        (ColourScheme, Vi) => "Giao diện",
        (ColourScheme, En) => "Colour scheme",
        (SchemeAuto, Vi) => "Tự động (theo thiết bị người đọc)",
        (SchemeAuto, En) => "Automatic (follows the reader's device)",
        (Download, Vi) => "Tải về",
        (Download, En) => "Download",
        (DownloadData, Vi) => "Tải toàn bộ số liệu:",
        (DownloadData, En) => "Download all the data:",
        (ShowChart, Vi) => "Biểu đồ",
        (ShowChart, En) => "Chart",
        (ShowTable, Vi) => "Bảng số liệu",
        (ShowTable, En) => "Table",
        (ChartOrTable, Vi) => "Xem dạng",
        (ChartOrTable, En) => "Show as",
        (ColIndicator, Vi) => "Chỉ tiêu",
        (ColIndicator, En) => "Indicator",
        (ColPeriod, Vi) => "Kỳ",
        (ColPeriod, En) => "Period",
        (ColValue, Vi) => "Giá trị",
        (ColValue, En) => "Value",
        (ColStatus, Vi) => "Trạng thái",
        (ColStatus, En) => "Status",
        (DateNotStated, Vi) => "không ghi ngày đăng",
        (DateNotStated, En) => "date not stated",
        (LangVi, Vi) => "tiếng Việt",
        (LangVi, En) => "in Vietnamese",
        (LangEn, Vi) => "tiếng Anh",
        (LangEn, En) => "in English",
        (SchemeAutoShort, Vi) => "Tự động",
        (SchemeAutoShort, En) => "Auto",
        (CopyLink, Vi) => "Sao chép liên kết",
        (CopyLink, En) => "Copy link",
        (LinkCopied, Vi) => "Đã sao chép liên kết tới đúng khung nhìn này.",
        (LinkCopied, En) => "Link to this exact view copied.",
        (LinkBlocked, Vi) => "Trình duyệt không cho sao chép: liên kết đã được chọn, hãy nhấn Ctrl+C.",
        (LinkBlocked, En) => "The browser did not allow copying: the link is selected, press Ctrl+C.",
        (SchemeLight, Vi) => "Sáng",
        (SchemeLight, En) => "Light",
        (SchemeDark, Vi) => "Tối",
        (SchemeDark, En) => "Dark",
        (Plain, Vi) => "Không có đầu trang và chân trang",
        (Plain, En) => "Without header and footer",
        (Transparent, Vi) => "Nền trong suốt",
        (Transparent, En) => "Transparent background",
        (EmbedCode, Vi) => "Mã nhúng",
        (EmbedCode, En) => "Embed code",
        (Copy, Vi) => "Sao chép mã",
        (Copy, En) => "Copy code",
        (Copied, Vi) => "Đã sao chép mã nhúng.",
        (Copied, En) => "Embed code copied.",
        (CopyBlocked, Vi) => "Trình duyệt không cho sao chép tự động: mã đã được chọn, hãy nhấn Ctrl+C (⌘C trên Mac).",
        (CopyBlocked, En) => "The browser did not allow copying: the code is selected, press Ctrl+C (⌘C on a Mac).",
        (OpenDashboard, Vi) => "Xem toàn bộ số liệu kinh tế Bắc Giang",
        (OpenDashboard, En) => "See all of Bắc Giang's economic figures",
        (NeedsJavaScript, Vi) => "Thẻ số liệu hoặc biểu đồ này cần JavaScript.",
        (NeedsJavaScript, En) => "This figure or chart needs JavaScript.",
        (EmbedAttributes, Vi) => "Khung được cô lập (sandbox): không đọc được trang của bạn, không dùng cookie, không gọi máy chủ nào khác.",
        (EmbedAttributes, En) => "The frame is sandboxed: it cannot read your page, sets no cookies and contacts no other server.",
    }
}

pub fn status(lang: Lang, s: Status) -> &'static str {
    match (s, lang) {
        (Status::Actual, Lang::Vi) => "Thực hiện",
        (Status::Actual, Lang::En) => "Actual",
        (Status::Estimate, Lang::Vi) => "Ước tính",
        (Status::Estimate, Lang::En) => "Estimate",
        (Status::Plan, Lang::Vi) => "Kế hoạch",
        (Status::Plan, Lang::En) => "Plan",
    }
}

/// The status as a lowercase tag after a chart label, "(ước tính)" / "(estimate)"; empty for
/// actual values, which need no mark.
pub fn status_tag(lang: Lang, s: Status) -> &'static str {
    match (s, lang) {
        (Status::Actual, _) => "",
        (Status::Estimate, Lang::Vi) => " (ước tính)",
        (Status::Estimate, Lang::En) => " (estimate)",
        (Status::Plan, Lang::Vi) => " (kế hoạch)",
        (Status::Plan, Lang::En) => " (plan)",
    }
}

/// How a panel of a chart states its unit: "Tính bằng đồng (VND)" / "In Vietnamese đồng (VND)".
pub fn unit_heading(lang: Lang, unit: Unit) -> &'static str {
    match (unit, lang) {
        (Unit::Vnd, Lang::Vi) => "Tính bằng đồng (VND)",
        (Unit::Vnd, Lang::En) => "In Vietnamese đồng (VND)",
        (Unit::Usd, Lang::Vi) => "Tính bằng đô la Mỹ (USD), không quy đổi",
        (Unit::Usd, Lang::En) => "In US dollars (USD), not converted",
        (Unit::Percent, Lang::Vi) => "Phần trăm",
        (Unit::Percent, Lang::En) => "Per cent",
        (Unit::Ha, Lang::Vi) => "Héc-ta",
        (Unit::Ha, Lang::En) => "Hectares",
        (Unit::Count, Lang::Vi) => "Số lượng",
        (Unit::Count, Lang::En) => "Count",
        (Unit::Rank, Lang::Vi) => "Thứ hạng",
        (Unit::Rank, Lang::En) => "Rank",
    }
}

/// "so cùng kỳ" / "y/y" after a change.
pub fn change_basis(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "so cùng kỳ",
        Lang::En => "y/y",
    }
}

/// The change line of a card, e.g. "+22,5% so cùng kỳ" or "+1.4 pp vs 2023".
pub fn change_line(data: &Dataset, ind: &Indicator, lang: Lang) -> Option<String> {
    if let Some(c) = &ind.change {
        return Some(format!(
            "{} {}",
            format::change(c, lang),
            change_basis(lang)
        ));
    }
    let prev = data.indicator(ind.previous.as_deref()?)?;
    let ((now, unit), (before, _)) = (ind.amount()?, prev.amount()?);
    Some(format!(
        "{} {} {}",
        format::difference(now, before, unit, lang),
        t(lang, Msg::Vs),
        format::period(&prev.period, lang)
    ))
}

/// The same amount in another unit, e.g. "≈ 2,0 tỷ USD".
pub fn equivalent_line(ind: &Indicator, lang: Lang) -> Option<String> {
    let eq = ind.equivalent.as_ref()?;
    Some(format!("≈ {}", format::amount(eq.value, eq.unit, 2, lang)))
}

/// "thứ 1 cả nước" / "1st among all provinces".
pub fn rank_line(ind: &Indicator, lang: Lang) -> Option<String> {
    let r = ind.rank.as_ref()?;
    Some(format!(
        "{} {}",
        format::rank(r.position, lang),
        r.scope.get(lang)
    ))
}

/// How a derived value was computed, with its inputs:
/// "Tính toán: khoảng 63,97% × 2.474,8 ha" / "Computed: about 63.97% × 2,474.8 ha".
pub fn formula_line(data: &Dataset, ind: &Indicator, lang: Lang) -> Option<String> {
    let formula = ind.formula.as_ref()?;
    let [a, b] = formula
        .inputs()
        .map(|id| data.indicator(id).map(|i| format::headline(i, lang)));
    let (a, b) = (a?, b?);
    let expr = match formula {
        Formula::PercentOf { .. } => format!("{a} × {b}"),
        Formula::Difference { .. } => format!("{a} − {b}"),
        Formula::Share { .. } => format!("{a} ÷ {b}"),
    };
    Some(format!("{}: {expr}", t(lang, Msg::Computed)))
}

/// The "data as of" line of the header.
pub fn as_of_line(data: &Dataset, lang: Lang) -> String {
    format!(
        "{} {}",
        t(lang, Msg::DataAsOf),
        format::period(&data.as_of, lang)
    )
}

/// One citation as a reader sees it: which article, where in it, and the words it says.
#[derive(Debug, Clone, PartialEq)]
pub struct CitationView<'a> {
    /// "Viet Nam News (VNS) — Bắc Giang focuses on … · in English · date not stated".
    pub article: String,
    /// "para. 8" / "đoạn 8".
    pub place: String,
    /// The excerpt, exactly as in the article, and the article's language.
    pub excerpt: &'a str,
    pub excerpt_lang: Lang,
}

/// The citations of a value for a reader of `lang`: the article in the reader's language first,
/// then the other language's statement of the same fact.
pub fn citations<'a>(
    data: &'a Dataset,
    cites: &'a [Citation],
    lang: Lang,
) -> Vec<CitationView<'a>> {
    let out: Vec<CitationView<'a>> = cites
        .iter()
        .filter_map(|c| {
            let source = data.source(&c.source)?;
            let language = t(
                lang,
                match source.lang {
                    Lang::Vi => Msg::LangVi,
                    Lang::En => Msg::LangEn,
                },
            );
            let date = source.published.as_ref().map_or_else(
                || t(lang, Msg::DateNotStated).to_string(),
                |p| format::period(p, lang),
            );
            Some(CitationView {
                article: format!(
                    "{} — {} · {language} · {date}",
                    source.publisher.get(lang),
                    source.title.get(lang)
                ),
                place: format!("{} {}", t(lang, Msg::Paragraph), c.paragraph),
                excerpt: &c.excerpt,
                excerpt_lang: source.lang,
            })
        })
        .collect();
    // The reader's language first, order kept otherwise. A partition, not a sort: the wasm
    // then carries no sorting code.
    let (mut first, rest): (Vec<_>, Vec<_>) = out.into_iter().partition(|c| c.excerpt_lang == lang);
    first.extend(rest);
    first
}

/// The version stamp readers can quote and check, in the footer of every page:
/// "Phiên bản dữ liệu 2024-09-30.1 · mã 1a2b3c4d · dựng ngày 2026-11-22".
pub fn version_line(data: &Dataset, build: crate::BuildInfo, lang: Lang) -> String {
    let (hash, built) = match lang {
        Lang::Vi => ("mã", "dựng ngày"),
        Lang::En => ("hash", "built"),
    };
    format!(
        "{} {} · {hash} {} · {built} {}",
        t(lang, Msg::Version),
        data.version,
        build.data_hash,
        build.date
    )
}

/// The initial language: a valid `?lang=`, else the remembered choice, else the first of the
/// browser's languages we speak, else Vietnamese.
pub fn choose_lang(query: Option<&str>, stored: Option<&str>, browser: &[String]) -> Lang {
    query
        .and_then(Lang::from_tag)
        .or_else(|| stored.and_then(Lang::from_tag))
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
        .unwrap_or(Lang::Vi)
}

/// "Nguồn: Bài báo tiếng Việt, đoạn 1, 7; Viet Nam News (VNS), đoạn 8": one entry per
/// source in order of first citation, its paragraphs ascending and without repeats.
pub fn sources_line<'a>(
    data: &Dataset,
    cites: impl IntoIterator<Item = &'a Citation>,
    lang: Lang,
) -> String {
    let mut grouped: Vec<(&str, Vec<u32>)> = Vec::new();
    for c in cites {
        let paras = match grouped.iter().position(|(s, _)| *s == c.source) {
            Some(i) => &mut grouped[i].1,
            None => {
                grouped.push((&c.source, Vec::new()));
                &mut grouped.last_mut().expect("just pushed").1
            }
        };
        // Kept ascending and without repeats as they arrive (a handful per source).
        if let Err(at) = paras.binary_search(&c.paragraph) {
            paras.insert(at, c.paragraph);
        }
    }
    let parts: Vec<String> = grouped
        .into_iter()
        .map(|(id, paras)| {
            let name = data.source(id).map_or(id, |s| s.publisher.get(lang));
            let list: Vec<String> = paras.iter().map(u32::to_string).collect();
            format!("{name}, {} {}", t(lang, Msg::Paragraph), list.join(", "))
        })
        .collect();
    format!("{}: {}", t(lang, Msg::Sources), parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_choice_order() {
        let en = vec!["en-US".to_string(), "vi".to_string()];
        assert_eq!(choose_lang(Some("vi"), Some("en"), &en), Lang::Vi);
        assert_eq!(
            choose_lang(Some("fr"), None, &en),
            Lang::En,
            "invalid ?lang= falls back"
        );
        assert_eq!(
            choose_lang(None, Some("vi"), &en),
            Lang::Vi,
            "remembered beats browser"
        );
        assert_eq!(choose_lang(None, Some("garbage"), &en), Lang::En);
        assert_eq!(
            choose_lang(None, None, &["de-DE".into(), "en-GB".into()]),
            Lang::En
        );
        assert_eq!(choose_lang(None, None, &["de".into()]), Lang::Vi);
        assert_eq!(choose_lang(Some(""), None, &[]), Lang::Vi);
        assert_eq!(choose_lang(Some("EN"), None, &[]), Lang::En);
    }

    #[test]
    fn sources_are_grouped_per_article() {
        let data = crate::embedded_dataset();
        let chart = data.chart("milestones").unwrap();
        let cites = data.series(chart).flat_map(|i| i.sources.iter());
        assert_eq!(
            sources_line(&data, cites, Lang::Vi),
            "Nguồn: Bài báo tiếng Việt, đoạn 3, 4, 9, 11, 12, 13; Viet Nam News (VNS), đoạn 1, 6, 8, 10, 11, 12"
        );
    }
}
