//! The part of [wasm-streams 0.5](https://crates.io/crates/wasm-streams) that `server_fn` 0.8
//! uses — a Rust [`Stream`] as a JavaScript `ReadableStream` and back — written without
//! `#[wasm_bindgen]` exports.
//!
//! Why: Leptos 0.8 always turns on `server_fn`'s `browser` feature, and with it wasm-streams,
//! which exports its `IntoUnderlyingSource`, `IntoUnderlyingByteSource` and
//! `IntoUnderlyingSink` classes to JavaScript. Exports are roots: every wasm build keeps them
//! and the futures they drive, even in an app without server functions (this one: 3.7 KB of
//! its gzip budget). Here the JavaScript side is a plain object of closures, so code the app
//! never calls is dropped by the linker like any other.
//!
//! Behaviour follows wasm-streams: `from_stream` pulls one item per `pull` (high-water mark 0:
//! the Rust stream does the buffering), an `Err` item errors the JS stream, cancelling drops
//! the Rust stream; `into_stream` reads through a default reader and cancels the JS stream when
//! dropped before its end.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_util::{Stream, StreamExt};
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

pub mod readable {
    use super::*;

    /// Raw browser types, as wasm-streams names its module.
    pub mod sys {
        pub use web_sys::{ReadableStream, ReadableStreamDefaultReader};
    }

    type BoxedStream = Pin<Box<dyn Stream<Item = Result<JsValue, JsValue>>>>;

    /// A JavaScript `ReadableStream`, made from or turned into a Rust [`Stream`].
    pub struct ReadableStream {
        raw: sys::ReadableStream,
    }

    impl ReadableStream {
        /// Wraps a JavaScript stream.
        pub fn from_raw(raw: sys::ReadableStream) -> Self {
            Self { raw }
        }

        /// A JavaScript stream that yields the items of `stream`; an `Err` item errors it.
        pub fn from_stream<St>(stream: St) -> Self
        where
            St: Stream<Item = Result<JsValue, JsValue>> + 'static,
        {
            // Taken out while an item is awaited (no borrow across the await), and dropped on
            // cancel or at the end.
            let source: Rc<RefCell<Option<BoxedStream>>> =
                Rc::new(RefCell::new(Some(Box::pin(stream))));
            let pulled = source.clone();
            let pull =
                Closure::<dyn FnMut(web_sys::ReadableStreamDefaultController) -> Promise>::new(
                    move |controller: web_sys::ReadableStreamDefaultController| {
                        let source = pulled.clone();
                        future_to_promise(async move {
                            let Some(mut stream) = source.borrow_mut().take() else {
                                return Ok(JsValue::UNDEFINED); // cancelled meanwhile
                            };
                            match stream.next().await {
                                Some(Ok(chunk)) => {
                                    controller.enqueue_with_chunk(&chunk)?;
                                    *source.borrow_mut() = Some(stream);
                                }
                                Some(Err(error)) => return Err(error),
                                None => controller.close()?,
                            }
                            Ok(JsValue::UNDEFINED)
                        })
                    },
                );
            let cancel = Closure::<dyn FnMut(JsValue)>::new(move |_reason: JsValue| {
                source.borrow_mut().take();
            });
            let underlying = Object::new();
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&underlying, &"pull".into(), &pull.into_js_value());
            let _ = Reflect::set(&underlying, &"cancel".into(), &cancel.into_js_value());
            let strategy = web_sys::QueuingStrategy::new();
            strategy.set_high_water_mark(0.0);
            let raw = sys::ReadableStream::new_with_underlying_source_and_strategy(
                &underlying,
                &strategy,
            )
            .expect_throw("ReadableStream constructor");
            Self { raw }
        }

        /// The JavaScript stream.
        pub fn into_raw(self) -> sys::ReadableStream {
            self.raw
        }

        /// The items of the JavaScript stream as a Rust [`Stream`]; panics if the stream is
        /// already locked to a reader, as wasm-streams does.
        pub fn into_stream(self) -> IntoStream<'static> {
            let reader: sys::ReadableStreamDefaultReader = self
                .raw
                .get_reader()
                .dyn_into()
                .expect_throw("already locked to a reader");
            IntoStream {
                reader: Some(reader),
                pending: None,
                _reader: std::marker::PhantomData,
            }
        }
    }

    /// A Rust [`Stream`] over a JavaScript stream's chunks (see [`ReadableStream::into_stream`]).
    pub struct IntoStream<'reader> {
        reader: Option<sys::ReadableStreamDefaultReader>,
        pending: Option<JsFuture>,
        _reader: std::marker::PhantomData<&'reader ()>,
    }

    impl Stream for IntoStream<'_> {
        type Item = Result<JsValue, JsValue>;

        fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
            let this = &mut *self;
            let Some(reader) = &this.reader else {
                return Poll::Ready(None);
            };
            let pending = this
                .pending
                .get_or_insert_with(|| JsFuture::from(reader.read()));
            let result = match Pin::new(pending).poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(result) => result,
            };
            this.pending = None;
            match result {
                Ok(read) => {
                    let read: web_sys::ReadableStreamReadResult = read.unchecked_into();
                    if read.get_done().unwrap_or(false) {
                        this.finish();
                        Poll::Ready(None)
                    } else {
                        Poll::Ready(Some(Ok(read.get_value())))
                    }
                }
                Err(error) => {
                    this.finish();
                    Poll::Ready(Some(Err(error)))
                }
            }
        }
    }

    impl IntoStream<'_> {
        /// The stream has ended or errored: the reader's lock is released.
        fn finish(&mut self) {
            if let Some(reader) = self.reader.take() {
                reader.release_lock();
            }
        }
    }

    impl Drop for IntoStream<'_> {
        /// Dropped before its end: the JavaScript stream is cancelled and unlocked.
        fn drop(&mut self) {
            if let Some(reader) = self.reader.take() {
                let _ = reader.cancel();
                reader.release_lock();
            }
        }
    }
}

pub use readable::ReadableStream;
