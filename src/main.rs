//! The `sitrep` command line: a thin shell over the library crates.
//! Exit codes: 0 all inputs processed, 1 some inputs failed, 2 usage error.

mod batch;
mod demo;
mod stored;
mod watch;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: the analysis allocates many
/// small, short-lived strings and vectors per sentence, and glibc malloc
/// was about a seventh of the profile.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Conflict reporting in, evidence-linked ACLED-style events out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events from articles; print them and store them in the database.
    Extract {
        /// Date that relative dates resolve against when a document carries none (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        published: Option<NaiveDate>,
        /// Source (outlet) name for documents that carry none.
        #[arg(long)]
        source: Option<String>,
        #[arg(long, value_enum, default_value_t = EventFormat::Jsonl)]
        format: EventFormat,
        /// SQLite database to store documents and events in.
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
        /// Print only; do not touch the database.
        #[arg(long)]
        no_store: bool,
        /// Skip documents the database already holds with the same content
        /// (continue an interrupted run) instead of re-analysing them.
        #[arg(long, conflicts_with = "no_store")]
        resume: bool,
        /// Output and store documents as they finish instead of in input
        /// order (the same events either way; line order varies by run).
        #[arg(long)]
        unordered: bool,
        /// Files, directories (recursive) or `-` for stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// List the places each document names, with coordinates.
    Places {
        #[arg(long, value_enum, default_value_t = PlacesFormat::Jsonl)]
        format: PlacesFormat,
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Run the whole pipeline on the bundled example articles and print the events.
    Demo {
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
    },
    /// Export stored events (ACLED CSV, GeoJSON or JSON Lines), filtered.
    Export {
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = EventFormat::Csv)]
        format: EventFormat,
        /// Write to this file instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Serve the HTTP API and the offline dashboard over a database.
    Serve {
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
        /// Address to listen on; the default only accepts local connections.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
    },
    /// Fuse stored events: reports of the same incident become one event with
    /// all its sources, fatality low/best/high and the reasons for each merge.
    Fuse {
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Territorial control from stored events: who held a place on a date,
    /// or what changed hands between two dates.
    Control {
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
        /// Place name (as the events' `location`).
        #[arg(long)]
        place: Option<String>,
        /// Who held the place on this date (needs --place).
        #[arg(long, value_parser = parse_date, requires = "place")]
        on: Option<NaiveDate>,
        /// Changes from this date...
        #[arg(long, value_parser = parse_date, requires = "to")]
        from: Option<NaiveDate>,
        /// ...to this date.
        #[arg(long, value_parser = parse_date, requires = "from")]
        to: Option<NaiveDate>,
    },
    /// List recorded runs (inputs, time, version, counts).
    Runs {
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
    },
    /// Events added, removed and changed between two runs (ids from `sitrep runs`).
    Diff {
        run_a: i64,
        run_b: i64,
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
        /// Print the full diff as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Poll RSS/Atom feeds and extract events from each new item, as
    /// `extract` does (conditional requests; every item is taken once).
    Watch {
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
        /// Seconds between polls.
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
        interval: u64,
        /// Poll every feed once and exit (exit code 1 if some feed failed).
        #[arg(long)]
        once: bool,
        /// Fetch each new item's linked page and extract the article from
        /// it (the feed's own text is the fallback).
        #[arg(long)]
        fetch_articles: bool,
        /// Feed URLs (http or https).
        #[arg(required = true)]
        feeds: Vec<String>,
    },
    /// Score a pipeline stage against a gold file.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Geoparsing: toponym recall/precision, accuracy within 161 km, median error.
    Geo {
        file: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Also write every miss, spurious place and far resolution to FILE
        /// as JSON Lines (for error analysis).
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
        /// Leave out the modifiers written as demonyms or adjectives
        /// ("Syrian troops", "European airlines"; "US troops" stays), for
        /// gold that annotates place names only (GeoVirus does; GeoWebNews
        /// annotates modifiers too).
        #[arg(long)]
        skip_modifiers: bool,
    },
    /// Event coding: detection, type/sub-type, location, fatalities, actors, dates.
    Events {
        file: PathBuf,
        #[arg(long)]
        json: bool,
        /// Also write each document where a measure failed (gold and
        /// predicted values side by side) to FILE as JSON Lines.
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
    },
    /// Fusion: pairwise and B-cubed merge precision/recall on reports labelled
    /// with their incident (`data/fusion/reports.jsonl` is one such set).
    Fusion {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Main-content extraction on the article-extraction benchmark layout
    /// (a directory with ground-truth.json and html/<id>.html.gz).
    Html {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

/// Event filters shared by `export` (and the API's query parameters).
#[derive(clap::Args)]
struct FilterArgs {
    /// Earliest event date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Latest event date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// ACLED event type, e.g. "Battles".
    #[arg(long = "type")]
    event_type: Option<String>,
    #[arg(long)]
    country: Option<String>,
    /// Substring of actor1 or actor2.
    #[arg(long)]
    actor: Option<String>,
    /// min_lon,min_lat,max_lon,max_lat
    #[arg(long, value_parser = parse_bbox)]
    bbox: Option<(f64, f64, f64, f64)>,
}

impl FilterArgs {
    fn into_filter(self) -> sitrep_store::EventFilter {
        sitrep_store::EventFilter {
            from: self.from,
            to: self.to,
            event_type: self.event_type,
            country: self.country,
            actor: self.actor,
            bbox: self.bbox,
            limit: None,
            offset: 0,
        }
    }
}

fn parse_bbox(s: &str) -> Result<(f64, f64, f64, f64), String> {
    let parts: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{s:?}: bounding box must be four numbers ({e})"))?;
    match parts[..] {
        [a, b, c, d] if a <= c && b <= d => Ok((a, b, c, d)),
        _ => Err(format!("{s:?}: expected min_lon,min_lat,max_lon,max_lat")),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventFormat {
    Jsonl,
    Csv,
    Geojson,
    Parquet,
}

impl From<EventFormat> for sitrep_export::Format {
    fn from(f: EventFormat) -> Self {
        match f {
            EventFormat::Jsonl => sitrep_export::Format::Jsonl,
            EventFormat::Csv => sitrep_export::Format::Csv,
            EventFormat::Geojson => sitrep_export::Format::Geojson,
            EventFormat::Parquet => sitrep_export::Format::Parquet,
        }
    }
}

/// Writes events to `out`, or stdout; refuses to send Parquet (binary) to
/// a terminal.
fn event_sink(
    format: EventFormat,
    out: Option<&std::path::Path>,
) -> Result<Box<dyn std::io::Write + Send>> {
    use std::io::IsTerminal;
    Ok(match out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None if format == EventFormat::Parquet && std::io::stdout().is_terminal() => {
            anyhow::bail!("Parquet is binary: give --out FILE or redirect stdout")
        }
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PlacesFormat {
    Jsonl,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a valid YYYY-MM-DD date ({e})"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(status) => status,
        Err(err) => {
            eprintln!("sitrep: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let summary = match cli.command {
        Command::Extract {
            published,
            source,
            format,
            db,
            no_store,
            resume,
            unordered,
            inputs,
        } => {
            let opts = sitrep_ingest::IngestOptions { published, source };
            let db = (!no_store).then_some(db);
            batch::extract(
                &inputs,
                &opts,
                format,
                db.as_deref(),
                batch::ExtractMode {
                    resume,
                    order: if unordered {
                        batch::Order::Completion
                    } else {
                        batch::Order::Input
                    },
                },
            )?
        }
        Command::Places { format: _, inputs } => {
            batch::places(&inputs, &sitrep_ingest::IngestOptions::default())?
        }
        Command::Demo { db } => demo::run(&db)?,
        Command::Export {
            db,
            format,
            out,
            filter,
        } => {
            stored::export(&db, format, out.as_deref(), filter.into_filter())?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Control {
            db,
            place,
            on,
            from,
            to,
        } => {
            stored::control(&db, place.as_deref(), on, from.zip(to))?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Runs { db } => {
            stored::runs(&db)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Diff {
            run_a,
            run_b,
            db,
            json,
        } => {
            stored::diff(&db, run_a, run_b, json)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Fuse { db, filter } => {
            stored::fuse(&db, filter.into_filter())?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Watch {
            db,
            interval,
            once,
            fetch_articles,
            feeds,
        } => {
            return watch::run(&watch::WatchRequest {
                db: &db,
                feeds: &feeds,
                interval: std::time::Duration::from_secs(interval),
                once,
                fetch_articles,
            });
        }
        Command::Serve { db, bind } => {
            sitrep_serve::run(db, bind)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Eval { what } => {
            let (path, json) = match &what {
                EvalCommand::Geo { file, json, .. }
                | EvalCommand::Events { file, json, .. }
                | EvalCommand::Fusion { file, json } => (file, *json),
                EvalCommand::Html { dir, json } => (dir, *json),
            };
            let context = || format!("evaluating {}", path.display());
            let (table, value) = match &what {
                EvalCommand::Geo {
                    errors,
                    skip_modifiers,
                    ..
                } => {
                    let options = sitrep_eval::geo::EvalOptions {
                        keep_errors: errors.is_some(),
                        skip_modifiers: *skip_modifiers,
                    };
                    let mut r =
                        sitrep_eval::geo::evaluate_with(path, options).with_context(context)?;
                    if let Some(out) = errors {
                        write_jsonl(out, &std::mem::take(&mut r.errors))?;
                    }
                    (r.table(), serde_json::to_value(&r)?)
                }
                EvalCommand::Events { errors, .. } => {
                    let options = sitrep_eval::events::EvalOptions {
                        keep_misses: errors.is_some(),
                    };
                    let mut r =
                        sitrep_eval::events::evaluate_with(path, options).with_context(context)?;
                    if let Some(out) = errors {
                        write_jsonl(out, &std::mem::take(&mut r.misses))?;
                    }
                    (r.table(), serde_json::to_value(&r)?)
                }
                EvalCommand::Fusion { .. } => {
                    let r = sitrep_eval::fusion::evaluate(path).with_context(context)?;
                    (r.table(), serde_json::to_value(&r)?)
                }
                EvalCommand::Html { .. } => {
                    let r = sitrep_eval::html::evaluate(path).with_context(context)?;
                    (r.table(), serde_json::to_value(&r)?)
                }
            };
            if json {
                println!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                print!("{table}");
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    Ok(summary.exit_code())
}

/// Writes `rows` to `path` with the JSON Lines writer `places` uses
/// (`eval --errors`).
fn write_jsonl<T: serde::Serialize>(path: &Path, rows: &[T]) -> Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = sitrep_export::JsonLines::new(std::io::BufWriter::new(file));
    for row in rows {
        out.write(row)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    out.finish()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
