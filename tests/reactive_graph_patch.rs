//! The patched `reactive_graph` (patches/reactive_graph) keeps a reactive node's sources and
//! subscribers, and an owner's contexts, in `Vec`s instead of an `IndexSet` and a `HashMap`.
//! These check, through Leptos' own API, what the graph and the app rely on: a dependency read
//! twice recomputes once, a dependency no longer read is dropped, many readers come and go,
//! and contexts are found by type, nearest owner first, a second value replacing the first.

use leptos::prelude::*;
use std::sync::{Arc, Mutex};

#[test]
fn a_dependency_read_twice_is_recorded_once_and_recomputes_once() {
    let owner = Owner::new();
    owner.with(|| {
        let runs = Arc::new(Mutex::new(0));
        let n = RwSignal::new(1);
        let counted = runs.clone();
        let doubled = Memo::new(move |_| {
            *counted.lock().unwrap() += 1;
            n.get() + n.get()
        });
        assert_eq!(doubled.get(), 2);
        n.set(5);
        assert_eq!(doubled.get(), 10);
        n.set(6);
        assert_eq!(doubled.get(), 12);
        assert_eq!(
            *runs.lock().unwrap(),
            3,
            "one run per value, none per duplicate read"
        );
    });
}

#[test]
fn a_dependency_no_longer_read_no_longer_recomputes() {
    let owner = Owner::new();
    owner.with(|| {
        let runs = Arc::new(Mutex::new(0));
        let (use_a, a, b) = (RwSignal::new(true), RwSignal::new(1), RwSignal::new(100));
        let counted = runs.clone();
        let picked = Memo::new(move |_| {
            *counted.lock().unwrap() += 1;
            if use_a.get() {
                a.get()
            } else {
                b.get()
            }
        });
        assert_eq!(picked.get(), 1);
        use_a.set(false);
        assert_eq!(picked.get(), 100);
        let before = *runs.lock().unwrap();
        a.set(2);
        assert_eq!(picked.get(), 100);
        assert_eq!(*runs.lock().unwrap(), before, "a is no longer a source");
        b.set(200);
        assert_eq!(picked.get(), 200);
        assert_eq!(*runs.lock().unwrap(), before + 1);
    });
}

#[test]
fn many_subscribers_come_and_go_without_leaving_any_behind() {
    let owner = Owner::new();
    owner.with(|| {
        let lang = RwSignal::new(0);
        // Like the app's texts, hundreds of readers of one signal, some of them dropped.
        let texts: Vec<Memo<i32>> = (0..500)
            .map(|i| Memo::new(move |_| lang.get() + i))
            .collect();
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(t.get(), i as i32);
        }
        for round in 1..=3 {
            lang.set(round * 1000);
            for (i, t) in texts.iter().enumerate() {
                assert_eq!(t.get(), round * 1000 + i as i32);
            }
        }
        for t in &texts[..250] {
            t.dispose();
        }
        lang.set(7);
        for (i, t) in texts.iter().enumerate().skip(250) {
            assert_eq!(t.get(), 7 + i as i32);
        }
    });
}

#[test]
fn contexts_are_found_by_type_nearest_owner_first() {
    let root = Owner::new();
    root.with(|| {
        provide_context(42_u32);
        provide_context(String::from("page"));
        provide_context(1.5_f64);
        provide_context(43_u32);
        assert_eq!(
            use_context::<u32>(),
            Some(43),
            "a second value replaces the first"
        );
        assert_eq!(use_context::<i64>(), None);
        let child = Owner::new();
        child.with(|| {
            assert_eq!(
                use_context::<String>().as_deref(),
                Some("page"),
                "from the parent"
            );
            provide_context(String::from("dialog"));
            assert_eq!(
                use_context::<String>().as_deref(),
                Some("dialog"),
                "its own first"
            );
            assert_eq!(use_context::<f64>(), Some(1.5));
        });
        assert_eq!(
            use_context::<String>().as_deref(),
            Some("page"),
            "the parent keeps its own"
        );
        assert_eq!(use_context::<u32>(), Some(43));
    });
}
