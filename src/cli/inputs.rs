//! Finding and reading the documents named on the command line.

use std::io::Read;
use std::path::Path;

use factlint::DocumentFormat;

/// File name endings read when walking a directory.
const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Where a document comes from.
pub(crate) enum Source {
    /// A file; `walked` when it was found by walking a folder rather than named.
    File {
        path: String,
        walked: bool,
        /// The size when it was found, if it was looked at (a walk does not), for how many
        /// documents may be read at once.
        bytes: Option<u64>,
    },
    Stdin(String),
}

impl Source {
    /// The size of the document as far as it is known before reading (0 for standard input
    /// and a file that cannot be inspected).
    #[expect(
        clippy::disallowed_methods,
        reason = "the CLI adapter is where files are inspected"
    )]
    pub fn bytes(&self) -> u64 {
        match self {
            Source::File {
                bytes: Some(bytes), ..
            } => *bytes,
            Source::File { path, .. } => {
                std::fs::metadata(path).map_or(0, |metadata| metadata.len())
            }
            Source::Stdin(_) => 0,
        }
    }

    /// The name the document is shown under.
    pub fn name(&self) -> &str {
        match self {
            Source::File { path, .. } => path,
            Source::Stdin(name) => name,
        }
    }
}

/// A document read into memory.
pub(crate) struct Input {
    /// The path as the user wrote it (or found by walking), with `/` separators.
    pub name: String,
    pub text: String,
    pub format: DocumentFormat,
    /// Read from standard input (so there is no file to fix).
    pub stdin: bool,
}

/// A document that could not be read, and why.
pub(crate) struct InputError {
    pub path: String,
    pub message: String,
}

/// Expands the paths into the documents to read. Directories are walked like ripgrep does
/// (honouring `.gitignore`, skipping hidden files).
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter is where files are read"
)]
pub(crate) fn collect(paths: &[String], stdin_name: &str) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    let mut stdin_used = false;
    for path in paths {
        if path == "-" {
            if stdin_used {
                errors.push(InputError {
                    path: "-".to_owned(),
                    message: "standard input can be read only once".to_owned(),
                });
            } else {
                stdin_used = true;
                sources.push(Source::Stdin(stdin_name.to_owned()));
            }
            continue;
        }
        let as_path = Path::new(path);
        match std::fs::metadata(as_path) {
            Err(error) => errors.push(InputError {
                path: path.clone(),
                message: describe_io(&error),
            }),
            Ok(metadata) if metadata.is_dir() => {
                let before = sources.len();
                let walker = ignore::WalkBuilder::new(as_path).require_git(false).build();
                for entry in walker {
                    match entry {
                        Ok(entry) => {
                            let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                            let wanted = entry
                                .path()
                                .extension()
                                .and_then(|extension| extension.to_str())
                                .is_some_and(|extension| {
                                    EXTENSIONS
                                        .iter()
                                        .any(|wanted| extension.eq_ignore_ascii_case(wanted))
                                });
                            if is_file && wanted {
                                sources.push(Source::File {
                                    path: display(entry.path()),
                                    walked: true,
                                    bytes: None,
                                });
                            }
                        }
                        Err(error) => errors.push(InputError {
                            path: path.clone(),
                            message: error.to_string(),
                        }),
                    }
                }
                if sources.len() == before {
                    errors.push(InputError {
                        path: path.clone(),
                        message: "no documents found (looked for *.md, *.markdown and *.txt); name files directly to check other kinds".to_owned(),
                    });
                }
            }
            Ok(metadata) => sources.push(Source::File {
                path: display(as_path),
                walked: false,
                bytes: Some(metadata.len()),
            }),
        }
    }
    (sources, errors)
}

/// Reads one document, refusing binary and non-UTF-8 content with a message that says where.
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter is where files are read"
)]
pub(crate) fn read(source: Source) -> Result<Input, InputError> {
    let stdin = matches!(source, Source::Stdin(_));
    let (name, bytes) = match source {
        Source::File { path, .. } => match std::fs::read(&path) {
            Ok(bytes) => (path, bytes),
            Err(error) => {
                return Err(InputError {
                    message: describe_io(&error),
                    path,
                });
            }
        },
        Source::Stdin(name) => {
            let mut bytes = Vec::new();
            if let Err(error) = std::io::stdin().lock().read_to_end(&mut bytes) {
                return Err(InputError {
                    path: "-".to_owned(),
                    message: describe_io(&error),
                });
            }
            (name, bytes)
        }
    };
    if let Some(at) = memchr::memchr(0, &bytes[..bytes.len().min(8192)]) {
        return Err(InputError {
            message: format!("looks like a binary file (a NUL byte at offset {at}); skipped"),
            path: name,
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let line = bytes[..valid].iter().filter(|&&byte| byte == b'\n').count() + 1;
            let column = valid
                - bytes[..valid]
                    .iter()
                    .rposition(|&byte| byte == b'\n')
                    .map_or(0, |at| at + 1)
                + 1;
            return Err(InputError {
                message: format!(
                    "is not valid UTF-8 (first invalid byte at {line}:{column}); convert it to UTF-8 and check again"
                ),
                path: name,
            });
        }
    };
    // A byte-order mark is not part of the text, but offsets must stay those of the file:
    // keep it; the parser treats it as an ordinary character outside any number.
    let format = DocumentFormat::from_path(&name);
    Ok(Input {
        name,
        text,
        format,
        stdin,
    })
}

pub(crate) fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    text.replace('\\', "/")
}

pub(crate) fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => error.to_string(),
    }
}
