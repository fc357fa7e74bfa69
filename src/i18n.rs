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
    ColourScheme,
    SchemeLight,
    SchemeDark,
    OpenDashboard,
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
    use Msg::*;
    // One pair per word, picked by language after: a table of texts rather than code per
    // language and word.
    let [vi, en] = match msg {
        DataAsOf => ["Số liệu đến", "Data as of"],
        Language => ["Ngôn ngữ", "Language"],
        ThemesLabel => ["Lọc theo chủ đề", "Filter by theme"],
        AllThemes => ["Tất cả", "All"],
        Computed => ["Tính toán", "Computed"],
        Sources => ["Nguồn", "Sources"],
        Paragraph => ["đoạn", "para."],
        Close => ["Đóng", "Close"],
        Details => ["Chi tiết", "Details"],
        Vs => ["so với", "vs"],
        Total => ["Tổng", "Total"],
        SkipToContent => ["Bỏ qua, tới nội dung", "Skip to content"],
        Version => ["Phiên bản dữ liệu", "Data version"],
        Footer => ["Mọi số liệu dẫn từ hai bài báo nguồn; số “tính toán” được suy ra trong ứng dụng, không nhập tay.", "Every figure is cited from the two source articles; “computed” figures are derived in the app, never typed in."],
        OfflineCopy => ["Bản ngoại tuyến (một tệp)", "Offline copy (single file)"],
        DownloadOffline => ["Tải bản ngoại tuyến: một tệp HTML, mở được không cần mạng", "Download the offline copy: one HTML file that opens without a network"],
        Embed => ["Nhúng", "Embed"],
        ColourScheme => ["Giao diện", "Colour scheme"],
        Download => ["Tải về", "Download"],
        DownloadData => ["Tải toàn bộ số liệu:", "Download all the data:"],
        ShowChart => ["Biểu đồ", "Chart"],
        ShowTable => ["Bảng số liệu", "Table"],
        ChartOrTable => ["Xem dạng", "Show as"],
        ColIndicator => ["Chỉ tiêu", "Indicator"],
        ColPeriod => ["Kỳ", "Period"],
        ColValue => ["Giá trị", "Value"],
        ColStatus => ["Trạng thái", "Status"],
        DateNotStated => ["không ghi ngày đăng", "date not stated"],
        LangVi => ["tiếng Việt", "in Vietnamese"],
        LangEn => ["tiếng Anh", "in English"],
        SchemeAutoShort => ["Tự động", "Auto"],
        CopyLink => ["Sao chép liên kết", "Copy link"],
        LinkCopied => ["Đã sao chép liên kết tới đúng khung nhìn này.", "Link to this exact view copied."],
        LinkBlocked => ["Trình duyệt không cho sao chép: liên kết đã được chọn, hãy nhấn Ctrl+C.", "The browser did not allow copying: the link is selected, press Ctrl+C."],
        SchemeLight => ["Sáng", "Light"],
        SchemeDark => ["Tối", "Dark"],
        OpenDashboard => ["Xem toàn bộ số liệu kinh tế Bắc Giang", "See all of Bắc Giang's economic figures"],
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The export page's own words (`export.html`: an item's downloads and embed code). A table
/// of its own, which only that page's wasm calls: the dashboard and the embeds do not carry
/// these texts (in [`t`]'s table they would be in every wasm).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportMsg {
    EmbedTitle,
    EmbedIntro,
    SchemeAuto,
    Plain,
    Transparent,
    EmbedCode,
    Copy,
    Copied,
    CopyBlocked,
    EmbedAttributes,
    DownloadIntro,
    BackToDashboard,
    Preview,
    ImageTitle,
    ImageIntro,
    ImageCode,
    CopyImage,
    PageLink,
}

pub fn export_text(lang: Lang, msg: ExportMsg) -> &'static str {
    use ExportMsg::*;
    let [vi, en] = match msg {
        EmbedTitle => ["Nhúng vào bài viết", "Embed in an article"],
        EmbedIntro => ["Dán đoạn mã dưới đây vào trang của bạn. Khung tự điều chỉnh chiều cao theo nội dung trên mọi màn hình.", "Paste the code below into your page. The frame sizes itself to its content on every screen."],
        SchemeAuto => ["Tự động (theo thiết bị người đọc)", "Automatic (follows the reader's device)"],
        Plain => ["Không có đầu trang và chân trang", "Without header and footer"],
        Transparent => ["Nền trong suốt", "Transparent background"],
        EmbedCode => ["Mã nhúng", "Embed code"],
        Copy => ["Sao chép mã", "Copy code"],
        Copied => ["Đã sao chép mã nhúng.", "Embed code copied."],
        CopyBlocked => ["Trình duyệt không cho sao chép tự động: mã đã được chọn, hãy nhấn Ctrl+C (⌘C trên Mac).", "The browser did not allow copying: the code is selected, press Ctrl+C (⌘C on a Mac)."],
        EmbedAttributes => ["Khung được cô lập (sandbox): không đọc được trang của bạn, không dùng cookie, không gọi máy chủ nào khác.", "The frame is sandboxed: it cannot read your page, sets no cookies and contacts no other server."],
        DownloadIntro => ["Số liệu của biểu đồ (CSV mở được bằng Excel, JSON), hoặc hình biểu đồ kèm tiêu đề, nguồn và phiên bản dữ liệu (PNG, SVG) theo giao diện đang xem.", "The chart's data (CSV that Excel opens, JSON), or the chart as a picture with its title, sources and data version (PNG, SVG) in the colours on screen."],
        BackToDashboard => ["Về bảng số liệu kinh tế Bắc Giang", "Back to Bắc Giang's economy in figures"],
        Preview => ["Xem trước khung nhúng", "Preview of the embedded frame"],
        ImageTitle => ["Ảnh cho bản tin, email và AMP", "Image for newsletters, email and AMP"],
        ImageIntro => ["Nơi không chạy được khung nhúng: ảnh của mục này (kèm tiêu đề, số liệu, nguồn và phiên bản dữ liệu), dẫn tới trang của nó. Ảnh luôn theo giao diện sáng.", "Where frames cannot run: this item as a picture (with its title, figures, sources and data version), linking to its page. The picture is always light."],
        ImageCode => ["Mã ảnh", "Image code"],
        CopyImage => ["Sao chép mã ảnh", "Copy image code"],
        PageLink => ["Trang riêng của mục này (để chia sẻ):", "This item's own page (to share):"],
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
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
    // The reader's language first, order kept otherwise: two lists, not a sort (the wasm then
    // carries no sorting code) and a loop, not iterator adapters (each compiles its own code).
    let (mut first, mut rest) = (Vec::new(), Vec::new());
    for c in cites {
        let Some(source) = data.source(&c.source) else {
            continue;
        };
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
        let view = CitationView {
            article: format!(
                "{} — {} · {language} · {date}",
                source.publisher.get(lang),
                source.title.get(lang)
            ),
            place: format!("{} {}", t(lang, Msg::Paragraph), c.paragraph),
            excerpt: &c.excerpt,
            excerpt_lang: source.lang,
        };
        if source.lang == lang {
            first.push(view);
        } else {
            rest.push(view);
        }
    }
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
        let cites = data
            .series(chart)
            .into_iter()
            .flat_map(|i| i.sources.iter());
        assert_eq!(
            sources_line(&data, cites, Lang::Vi),
            "Nguồn: Bài báo tiếng Việt, đoạn 3, 4, 9, 11, 12, 13; Viet Nam News (VNS), đoạn 1, 6, 8, 10, 11, 12"
        );
    }
}
