//! The `summitry` command: parses arguments and calls the library.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use summitry::config::Config;
use summitry::ingest::Input;
use summitry::pipeline::{self, RunOutput};
use summitry::render;

#[derive(Parser)]
#[command(name = "summitry", version, about = "Turn news articles about diplomacy into a dated, sourced timeline of meetings")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the static site and timeline.json.
    Build {
        /// Files, directories (read recursively) or `-` for standard input. Default: the config's `input`.
        inputs: Vec<String>,
        /// Output directory. Default: the config's `output`, else `output`.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Config file. Default: ./summitry.toml when it exists.
        #[arg(short, long)]
        config: Option<PathBuf>,
    },
    /// Print the timeline JSON to standard output.
    Extract {
        inputs: Vec<String>,
        #[arg(short, long)]
        config: Option<PathBuf>,
        /// Output format: json, jsonl, timelinejs, ics or csv.
        #[arg(short, long, default_value = "json")]
        format: render::Format,
    },
    /// Score the timeline of INPUT against a gold file of events (JSON Lines).
    Eval {
        /// Gold events, one JSON object a line (see README, "Evaluation").
        gold: PathBuf,
        inputs: Vec<String>,
        #[arg(short, long)]
        config: Option<PathBuf>,
    },
    /// Print the JSON Schema of the timeline JSON.
    Schema,
    /// Tag time expressions (TimeML): JSON Lines {"id","dct","text"} in, {"id","timexes"} out.
    Timex {
        /// A JSON Lines file, or `-` (the default) for standard input.
        input: Option<String>,
    },
}

fn load_config(path: Option<&Path>) -> Result<Config> {
    match path {
        Some(p) => Ok(Config::load(p)?),
        None if Path::new("summitry.toml").exists() => Ok(Config::load(Path::new("summitry.toml"))?),
        None => Ok(Config::default()),
    }
}

fn inputs(args: &[String], config: &Config) -> Vec<Input> {
    if args.is_empty() {
        let from_config = config.inputs();
        if from_config.is_empty() {
            return vec![Input::Path(PathBuf::from("articles"))];
        }
        return from_config.into_iter().map(Input::Path).collect();
    }
    args.iter().map(|a| if a == "-" { Input::Stdin } else { Input::Path(PathBuf::from(a)) }).collect()
}

/// Report skipped inputs on stderr; the exit code says whether any were skipped.
/// `quiet_config`: the config was picked up from `./summitry.toml` for inputs named on
/// the command line, so its entries naming other files are expected, not typos.
fn report(out: &RunOutput, quiet_config: bool) -> ExitCode {
    for w in out.warnings.iter().filter(|w| !(quiet_config && w.starts_with("config:"))) {
        eprintln!("summitry: warning: {w}");
    }
    for e in &out.errors {
        eprintln!("summitry: skipped {e}");
    }
    eprintln!(
        "summitry: {} documents, {} events, {} findings, {} skipped",
        out.timeline.documents.len(),
        out.timeline.events.len(),
        out.timeline.findings.len(),
        out.errors.len()
    );
    if out.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build { inputs: args, output, config } => {
            let quiet = config.is_none() && !args.is_empty();
            let config = load_config(config.as_deref())?;
            let out = pipeline::run(&inputs(&args, &config), &config);
            let dir = output.unwrap_or_else(|| config.output_dir());
            let site = render::SiteData {
                title: config.title.clone().unwrap_or_else(|| "summitry".to_string()),
                timeline: out.timeline.clone(),
                documents: out.documents.clone(),
            };
            render::write_site(&dir, &site).with_context(|| format!("writing the site to {}", dir.display()))?;
            // The site holds every event, but the calendar exports cannot: say how many they omit.
            for format in [render::Format::Timelinejs, render::Format::Ics] {
                if let Some(note) = render::export(format, &out.timeline).note {
                    eprintln!("summitry: {note}");
                }
            }
            Ok(report(&out, quiet))
        }
        Command::Extract { inputs: args, config, format } => {
            let quiet = config.is_none() && !args.is_empty();
            let config = load_config(config.as_deref())?;
            let out = pipeline::run(&inputs(&args, &config), &config);
            let export = render::export(format, &out.timeline);
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(export.text.as_bytes())?;
            if let Some(note) = export.note {
                eprintln!("summitry: {note}");
            }
            Ok(report(&out, quiet))
        }
        Command::Eval { gold, inputs: args, config } => {
            let text = std::fs::read_to_string(&gold).with_context(|| format!("reading {}", gold.display()))?;
            let gold_events = summitry::eval::parse_gold(&gold.display().to_string(), &text)?;
            let quiet = config.is_none() && !args.is_empty();
            let config = load_config(config.as_deref())?;
            let out = pipeline::run(&inputs(&args, &config), &config);
            print!("{}", summitry::eval::evaluate(&gold_events, &out.timeline).render());
            Ok(report(&out, quiet))
        }
        Command::Schema => {
            std::io::stdout().lock().write_all(render::schema::timeline_schema().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Timex { input } => {
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let errors = match input.as_deref() {
                None | Some("-") => summitry::dates::timex_io::run("<stdin>", std::io::stdin().lock(), stdout)?,
                Some(p) => {
                    let f = std::fs::File::open(p).with_context(|| format!("opening {p}"))?;
                    summitry::dates::timex_io::run(p, std::io::BufReader::new(f), stdout)?
                }
            };
            for e in &errors {
                eprintln!("summitry: skipped {e}");
            }
            Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("summitry: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
