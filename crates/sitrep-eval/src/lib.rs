//! Evaluation against gold files. Each evaluator reads a gold file (or
//! directory), runs the pipeline stage under test and returns a report that
//! renders as a table or as JSON.

pub mod events;
pub mod fusion;
pub mod geo;
pub mod html;
