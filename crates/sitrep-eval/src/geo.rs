//! `sitrep eval geo`: toponym recognition and resolution scores.

use serde::Serialize;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("reading {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

#[derive(Debug, Serialize, Default)]
pub struct GeoReport {
    pub documents: usize,
}

impl GeoReport {
    pub fn table(&self) -> String {
        format!("documents: {}\n", self.documents)
    }
}

pub fn evaluate(path: &Path) -> Result<GeoReport, EvalError> {
    let _ = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(GeoReport::default())
}
