//! summitry: news articles about diplomacy in, a dated and sourced timeline of the
//! meetings they report out.
//!
//! Data flows one way through the stages, one module each:
//! [`ingest`] → [`text`] → [`dates`] → [`entities`] → [`events`] → [`merge`] →
//! [`timeline`] → [`render`]. [`pipeline`] runs them; `main.rs` only parses
//! arguments and calls it.

pub mod config;
pub mod dates;
pub mod entities;
pub mod eval;
pub mod events;
pub mod ingest;
pub mod merge;
pub mod pipeline;
pub mod render;
pub mod text;
pub mod timeline;
