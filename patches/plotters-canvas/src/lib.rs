/*!
   The Plotters HTML5 Canvas backend.

   This backend allows Plotters operates the HTML5 Canvas when targeted to Webassembly.

   See the documentation for [CanvasBackend](struct.CanvasBackend.html) for more details.
*/
// Patched copy (see the app's patches/README.md): a path dependency gets the full set of
// warnings, and upstream 0.3.1 still calls web-sys setters deprecated since.
#![allow(deprecated)]
mod canvas;

pub use canvas::CanvasBackend;
