//! Documents: which parts of a Markdown or plain-text file are prose, split into blocks.
//!
//! Only prose is read. In Markdown, code spans and blocks, raw HTML, link destinations, image
//! sources and alt text, autolinks and front matter are skipped; offsets come from the parser's
//! source ranges, never from decoded text. A block is a paragraph, heading, list item or table
//! cell (in plain text: a paragraph, or a line where lines are paragraphs). Claims never cross
//! a block.

use pulldown_cmark::{
    BrokenLink, CowStr, Event, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};

use crate::language::Language;
use crate::text::{Line, Lines, Span};

/// How a document is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentFormat {
    Markdown,
    PlainText,
}

impl DocumentFormat {
    /// The format for a file name: `.txt` and `.text` are plain text, everything else Markdown.
    pub fn from_path(path: &str) -> DocumentFormat {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".txt") || lower.ends_with(".text") {
            DocumentFormat::PlainText
        } else {
            DocumentFormat::Markdown
        }
    }
}

/// What kind of container a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    TableCell,
    /// A line of plain text that stands alone (a title, a list entry, a paragraph on one line).
    Line,
}

/// A run of prose with a boundary that claims do not cross.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SegmentKind {
    /// Prose to read.
    Prose,
    /// Something that is not prose sits here (a code span, inline HTML, an image): words on
    /// either side do not belong together.
    Boundary,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Segment {
    pub start: usize,
    pub end: usize,
    pub kind: SegmentKind,
}

/// One block of prose.
#[derive(Clone, Debug)]
pub struct Block {
    /// From the start of its first prose segment to the end of its last one.
    pub span: Span,
    pub kind: BlockKind,
    pub(crate) segments: std::ops::Range<usize>,
    /// For a cell of a table's body, its column's header cell (the text between the pipes):
    /// "GPUs", "Cost (USD)".
    pub header: Option<Span>,
    /// For a cell of a table's body, its row: the figures of a row are read together, as
    /// those of a sentence are.
    pub row: Option<Span>,
}

/// A parsed document: its text, its blocks and what its front matter says.
pub struct Document<'a> {
    pub text: &'a str,
    pub format: DocumentFormat,
    pub blocks: Vec<Block>,
    pub(crate) segments: Vec<Segment>,
    /// `lang:` or `language:` from the front matter.
    pub front_matter_language: Option<Language>,
    /// A `lang:` value that names no language factlint reads, with its span.
    pub unknown_front_matter_language: Option<(String, Span)>,
}

/// What a chunk's parser must know about the whole document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkContext {
    /// The chunk starts the document: front matter is read only here.
    pub first: bool,
    /// Plain text: every line is a block (decided for the whole document, see
    /// `lines_are_paragraphs`).
    pub lines_are_paragraphs: bool,
}

impl<'a> Document<'a> {
    /// Parses a whole text as one chunk.
    pub fn parse(text: &'a str, format: DocumentFormat) -> Document<'a> {
        let context = ChunkContext {
            first: true,
            lines_are_paragraphs: lines_are_paragraphs(text),
        };
        Document::parse_chunk(text, format, context)
    }

    /// Parses one chunk of a document (see `split_chunks`); offsets are relative to the chunk.
    pub fn parse_chunk(
        text: &'a str,
        format: DocumentFormat,
        context: ChunkContext,
    ) -> Document<'a> {
        // Room for what a chunk of prose usually holds (a paragraph or a few list items, with
        // the segments of their markup), allocated once rather than grown step by step.
        let mut document = Document {
            text,
            format,
            blocks: Vec::with_capacity(4),
            segments: Vec::with_capacity(16),
            front_matter_language: None,
            unknown_front_matter_language: None,
        };
        match format {
            DocumentFormat::Markdown => document.parse_markdown(context.first),
            DocumentFormat::PlainText => document.parse_plain_text(context.lines_are_paragraphs),
        }
        document
    }

    /// The prose of `block` when it is one unbroken run of the original text (a plain-text
    /// block, or a paragraph without markup): no copy needed.
    pub fn plain_block(&self, block: &Block) -> Option<&'a str> {
        let segments = &self.segments[block.segments.clone()];
        match segments {
            [only]
                if only.kind == SegmentKind::Prose
                    && only.start == block.span.start
                    && only.end == block.span.end =>
            {
                Some(&self.text[only.start..only.end])
            }
            _ => None,
        }
    }

    /// Writes the prose of `block` into `buffer`: the original text where there is prose,
    /// spaces elsewhere, and U+001F where a boundary sits. Offsets in `buffer` are offsets in
    /// the document minus `block.span.start`.
    ///
    /// Segments come in document order from the parser; the buffer is built from slices of
    /// the text, so it is valid UTF-8 without a check. Segments that overlap or do not fall
    /// on character boundaries (which the parser does not produce) are written as spaces.
    pub fn masked_block(&self, block: &Block, buffer: &mut String) {
        buffer.clear();
        let pad = |buffer: &mut String, to: usize| {
            let missing = to.saturating_sub(block.span.start + buffer.len());
            buffer.extend(std::iter::repeat_n(' ', missing));
        };
        for segment in &self.segments[block.segments.clone()] {
            let cursor = block.span.start + buffer.len();
            if segment.kind == SegmentKind::Prose
                && segment.start + 1 == cursor
                && buffer.ends_with('\u{1F}')
            {
                // Prose written over a boundary mark wins, as the parser's order has it.
                buffer.pop();
            } else if segment.start < cursor || segment.end > block.span.end {
                continue;
            }
            match segment.kind {
                SegmentKind::Prose => {
                    if let Some(prose) = self.text.get(segment.start..segment.end) {
                        pad(buffer, segment.start);
                        buffer.push_str(prose);
                    }
                }
                SegmentKind::Boundary => {
                    if segment.start < block.span.end {
                        pad(buffer, segment.start);
                        buffer.push('\u{1F}');
                    }
                }
            }
        }
        pad(buffer, block.span.end);
    }

    /// Feeds the document's prose to language detection until it has read enough; returns
    /// whether it has.
    pub fn detect_language(&self, detector: &mut crate::language::Detector) -> bool {
        self.segments
            .iter()
            .filter(|segment| segment.kind == SegmentKind::Prose)
            .filter_map(|segment| self.text.get(segment.start..segment.end))
            .any(|prose| detector.read(prose))
    }

    fn parse_markdown(&mut self, first: bool) {
        let mut options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES;
        if first {
            // Front matter exists only at the start of the document.
            options |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
                | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
        }
        // A full reference link (`[text][label]`) whose label is defined in another chunk,
        // or nowhere, is still a link: its label is no prose (`[2018 Edition][2018]`).
        let full_references = |link: BrokenLink<'a>| {
            (link.link_type == LinkType::Reference).then(|| (CowStr::from(""), CowStr::from("")))
        };
        let parser =
            Parser::new_with_broken_link_callback(self.text, options, Some(full_references))
                .into_offset_iter();
        let mut builder = BlockBuilder::default();
        // Depth of containers whose text is not prose (code, HTML, images, autolinks).
        let mut skip_depth = 0u32;
        let mut in_front_matter: Option<FrontMatter> = None;
        let mut kind_stack: Vec<BlockKind> = Vec::new();
        // A table's header cells, and where in the table the parser is.
        let mut headers: Vec<Span> = Vec::new();
        let (mut in_head, mut column, mut cell) = (false, 0, Span::new(0, 0));
        let mut row = Span::new(0, 0);
        for (event, range) in parser {
            match &event {
                Event::Start(Tag::TableHead) => (in_head, column) = (true, 0),
                Event::Start(Tag::Table(_)) => headers.clear(),
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => {
                    column = 0;
                    row = trim_cell(self.text, Span::new(range.start, range.end));
                }
                Event::Start(Tag::TableCell) => cell = Span::new(range.start, range.end),
                _ => {}
            }
            let cell_ends = matches!(event, Event::End(TagEnd::TableCell));
            let blocks_before = self.blocks.len();
            match event {
                Event::Start(tag) => match tag {
                    Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell => {
                        builder.flush(self, kind_stack.last().copied());
                        kind_stack.push(match tag {
                            Tag::Heading { .. } => BlockKind::Heading,
                            Tag::Item => BlockKind::ListItem,
                            Tag::TableCell => BlockKind::TableCell,
                            _ => BlockKind::Paragraph,
                        });
                    }
                    Tag::CodeBlock(_) | Tag::HtmlBlock => {
                        builder.flush(self, kind_stack.last().copied());
                        skip_depth += 1;
                    }
                    Tag::MetadataBlock(kind) => {
                        builder.flush(self, kind_stack.last().copied());
                        skip_depth += 1;
                        in_front_matter = Some(match kind {
                            MetadataBlockKind::YamlStyle => FrontMatter::Yaml,
                            MetadataBlockKind::PlusesStyle => FrontMatter::Toml,
                        });
                    }
                    Tag::Image { .. } => {
                        builder.boundary(self, range.start);
                        skip_depth += 1;
                    }
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => {
                        builder.boundary(self, range.start);
                        builder.skipping_link.push(true);
                        skip_depth += 1;
                    }
                    Tag::Link { .. } => builder.skipping_link.push(false),
                    Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript => {}
                    _ => builder.flush(self, kind_stack.last().copied()),
                },
                Event::End(end) => match end {
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell => {
                        builder.flush(self, kind_stack.last().copied());
                        kind_stack.pop();
                    }
                    TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                        skip_depth = skip_depth.saturating_sub(1);
                    }
                    TagEnd::MetadataBlock(_) => {
                        skip_depth = skip_depth.saturating_sub(1);
                        in_front_matter = None;
                    }
                    TagEnd::Image => skip_depth = skip_depth.saturating_sub(1),
                    TagEnd::Link => {
                        // Autolinks and e-mail links were skipped; ordinary links end quietly.
                        if builder.skipping_link.pop().unwrap_or(false) {
                            skip_depth = skip_depth.saturating_sub(1);
                        }
                    }
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript => {}
                    _ => builder.flush(self, kind_stack.last().copied()),
                },
                Event::Text(text) => {
                    if let Some(kind) = in_front_matter {
                        self.read_front_matter(&text, range.start, kind);
                    } else if skip_depth == 0 {
                        if builder.skipping_link.last() == Some(&false)
                            && is_citation_mark(self.text, range.start, range.end)
                        {
                            // A link whose text is a citation mark (`[2](…)`, `[1][ref]`) is no
                            // figure, as the same mark without a link is none.
                            builder.boundary(self, range.start);
                        } else {
                            builder.prose(self, range.start, range.end);
                        }
                    }
                }
                Event::SoftBreak | Event::HardBreak => {}
                Event::Code(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_)
                | Event::Html(_)
                | Event::InlineHtml(_)
                | Event::FootnoteReference(_)
                | Event::TaskListMarker(_) => builder.boundary(self, range.start),
                Event::Rule => builder.flush(self, kind_stack.last().copied()),
            }
            if cell_ends {
                if in_head {
                    headers.push(trim_cell(self.text, cell));
                } else {
                    if self.blocks.len() > blocks_before
                        && let Some(block) = self.blocks.last_mut()
                    {
                        block.header = headers.get(column).copied();
                        block.row = Some(row);
                    }
                    column += 1;
                }
            }
        }
        builder.flush(self, kind_stack.last().copied());
    }

    fn read_front_matter(&mut self, text: &str, start: usize, kind: FrontMatter) {
        // The metadata text is YAML or TOML; only a top-level `lang`/`language` key matters
        // here, so a line scan is enough and never fails on metadata factlint does not
        // otherwise read.
        let separator = match kind {
            FrontMatter::Yaml => ':',
            FrontMatter::Toml => '=',
        };
        let mut offset = start;
        for line in text.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            // A TOML table (`[params]`) ends the top level.
            if kind == FrontMatter::Toml && line.starts_with('[') {
                break;
            }
            let Some((key, value)) = line.split_once(separator) else {
                continue;
            };
            let key_end = key.len();
            // TOML allows spaces around `=`; YAML has none before `:` at the top level.
            let key = match kind {
                FrontMatter::Yaml => key,
                FrontMatter::Toml => key.trim_end(),
            };
            if !matches!(key, "lang" | "language") {
                continue;
            }
            // The value, without a comment, the line end and quotes, with its place.
            let value = value.split(" #").next().unwrap_or(value);
            let trimmed = value.trim_start();
            let value_start = line_start + key_end + 1 + (value.len() - trimmed.len());
            let trimmed = trimmed.trim_end();
            let unquoted = trimmed
                .strip_prefix('"')
                .and_then(|rest| rest.strip_suffix('"'))
                .or_else(|| {
                    trimmed
                        .strip_prefix('\'')
                        .and_then(|rest| rest.strip_suffix('\''))
                })
                .unwrap_or(trimmed);
            if unquoted.trim().is_empty() {
                continue;
            }
            match Language::parse(unquoted) {
                Some(language) => {
                    self.front_matter_language = Some(language);
                    self.unknown_front_matter_language = None;
                }
                None => {
                    self.front_matter_language = None;
                    self.unknown_front_matter_language = Some((
                        unquoted.to_owned(),
                        Span::new(value_start, value_start + trimmed.len()),
                    ));
                }
            }
        }
    }

    fn parse_plain_text(&mut self, lines_are_paragraphs: bool) {
        let text = self.text;
        let mut block_start: Option<usize> = None;
        let mut block_end = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let line_start = offset;
            offset += line.len();
            if content.trim().is_empty() {
                if let Some(start) = block_start.take() {
                    self.push_plain_block(start, block_end, BlockKind::Paragraph);
                }
                continue;
            }
            let line_end = line_start + content.len();
            if lines_are_paragraphs {
                if let Some(start) = block_start.take() {
                    self.push_plain_block(start, block_end, BlockKind::Paragraph);
                }
                self.push_plain_block(line_start, line_end, BlockKind::Line);
            } else {
                block_start.get_or_insert(line_start);
                block_end = line_end;
            }
        }
        if let Some(start) = block_start {
            self.push_plain_block(start, block_end, BlockKind::Paragraph);
        }
    }

    fn push_plain_block(&mut self, start: usize, end: usize, kind: BlockKind) {
        let first = self.segments.len();
        self.segments.push(Segment {
            start,
            end,
            kind: SegmentKind::Prose,
        });
        self.blocks.push(Block {
            span: Span::new(start, end),
            kind,
            segments: first..self.segments.len(),
            header: None,
            row: None,
        });
    }
}

/// Whether a plain text has one paragraph per line: text copied from the web does; hard-wrapped
/// text has short lines that continue each other. Long average lines mean every line is a block.
pub fn lines_are_paragraphs(text: &str) -> bool {
    let line_count = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .count()
        .max(1);
    text.len() / line_count > 100
}

/// Where a chunk boundary may fall, and what the scanner must remember across lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct ChunkState {
    /// Inside a fenced code block: the fence character and length.
    fence: Option<(u8, usize)>,
    /// Inside an HTML comment.
    comment: bool,
    /// Inside front matter (only at the start of a Markdown document), and its kind.
    front_matter: Option<FrontMatter>,
}

/// The front matter a Markdown document may open with: YAML between `---` lines (Jekyll,
/// Docusaurus, most static site generators), TOML between `+++` lines (Hugo, Zola).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontMatter {
    Yaml,
    Toml,
}

/// Whether the text at `start..end` is a citation mark: one to three digits alone between
/// the brackets of a link's text (`[2](https://…)`, `[1][ref]`).
fn is_citation_mark(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    end.checked_sub(start)
        .is_some_and(|length| (1..=3).contains(&length))
        && bytes
            .get(start..end)
            .is_some_and(|digits| digits.iter().all(u8::is_ascii_digit))
        && start > 0
        && bytes[start - 1] == b'['
        && bytes.get(end) == Some(&b']')
}

impl FrontMatter {
    /// The front matter `text` opens with, if its first line is a fence.
    pub fn opening(text: &str) -> Option<FrontMatter> {
        [("---", FrontMatter::Yaml), ("+++", FrontMatter::Toml)]
            .into_iter()
            .find(|(fence, _)| {
                text.strip_prefix(fence)
                    .is_some_and(|rest| rest.starts_with('\n') || rest.starts_with("\r\n"))
            })
            .map(|(_, kind)| kind)
    }

    /// The front matter `text` opens with, closed by its fence line: its kind, the span of
    /// the lines between the fences, and where the text after the closing line starts.
    pub fn block(text: &str) -> Option<(FrontMatter, Span, usize)> {
        let kind = FrontMatter::opening(text)?;
        let content_start = text.find('\n')? + 1;
        let mut offset = content_start;
        for line in text[content_start..].split_inclusive('\n') {
            if kind.closes(line.trim()) {
                return Some((kind, Span::new(content_start, offset), offset + line.len()));
            }
            offset += line.len();
        }
        None
    }

    /// Whether `line` (trimmed) closes front matter of this kind.
    pub fn closes(self, line: &str) -> bool {
        match self {
            FrontMatter::Yaml => line == "---" || line == "...",
            FrontMatter::Toml => line == "+++",
        }
    }
}

/// Where the front matter the parser finds at the start of the document's first chunk ends:
/// after the line that closes it. pulldown-cmark's rule (`scan_metadata_block`): a first line
/// of exactly three `-` or `+` and white space, a first line inside that is neither blank nor
/// the closing one, and a closing line of exactly three fence characters (or, for `-`, dots)
/// and spaces, at the start of a line. `None` when the chunk opens with no such front matter,
/// or holds a carriage return (a line break this does not look for).
pub(crate) fn front_matter_end(chunk: &str) -> Option<usize> {
    let bytes = chunk.as_bytes();
    let fence = *bytes.first()?;
    if !matches!(fence, b'-' | b'+') || memchr::memchr(b'\r', bytes).is_some() {
        return None;
    }
    let run = |at: usize, byte: u8| bytes[at..].iter().take_while(|&&b| b == byte).count();
    let line_end =
        |at: usize| memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |end| at + end + 1);
    let opening_end = line_end(0);
    if run(0, fence) != 3 || !bytes[3..opening_end].iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let closes = |at: usize| {
        let fences = match run(at, fence) {
            3 => 3,
            _ if fence == b'-' && run(at, b'.') == 3 => 3,
            _ => return false,
        };
        let spaces = run(at + fences, b' ');
        matches!(bytes.get(at + fences + spaces), None | Some(b'\n'))
    };
    let mut at = opening_end;
    let mut first = true;
    while at < bytes.len() {
        let end = line_end(at);
        if first && (closes(at) || bytes[at..end].iter().all(u8::is_ascii_whitespace)) {
            return None;
        }
        first = false;
        if closes(at) {
            return Some(end);
        }
        at = end;
    }
    None
}

impl ChunkState {
    /// The state at the start of a chunk `text`; `document_start` when it starts the document.
    fn at(text: &str, document_start: bool, format: DocumentFormat) -> ChunkState {
        ChunkState {
            front_matter: if format == DocumentFormat::Markdown && document_start {
                FrontMatter::opening(text)
            } else {
                None
            },
            ..ChunkState::default()
        }
    }

    /// Whether nothing is open: no fence, comment or front matter (the default state).
    fn is_outside(&self) -> bool {
        self.fence.is_none() && !self.comment && self.front_matter.is_none()
    }

    /// Moves past one line (with its line break); `has_angle` when it holds a `<`.
    fn step(&mut self, line: &str, has_angle: bool, first_line: bool, format: DocumentFormat) {
        if let Some(front_matter) = self.front_matter {
            if !first_line && front_matter.closes(line.trim()) {
                self.front_matter = None;
            }
        } else if format == DocumentFormat::Markdown {
            let indent = line.bytes().take_while(|&byte| byte == b' ').count();
            let content = &line[indent..];
            if let Some(fence) = self.fence {
                if closes_fence(content.trim_end_matches(['\n', '\r']), indent, fence) {
                    self.fence = None;
                }
            } else if self.comment {
                if memchr::memchr(b'>', line.as_bytes()).is_some() && line.contains("-->") {
                    self.comment = false;
                }
            } else if indent < 4 && (content.starts_with("```") || content.starts_with("~~~")) {
                let fence_char = content.as_bytes()[0];
                self.fence = Some((fence_char, fence_run(content, fence_char)));
            } else if has_angle
                && let Some(open) = line.find("<!--")
                && !line[open..].contains("-->")
            {
                self.comment = true;
            }
        }
    }
}

/// How many bytes at the start of a Markdown chunk are fenced code blocks: a chunk parsed on
/// its own (not the first of its document) that starts with a fence, after up to three
/// spaces, holds code up to the closing fence, at the top level, with nothing open; the
/// rest reads the same parsed on its own. Fences that follow each other directly count
/// together; a fence that is not closed runs to the end. 0 when the chunk does not start with
/// a fence, or has a carriage return that is not part of a line break (where the parser sees
/// lines that `\n` does not show).
pub fn leading_code(chunk: &str) -> usize {
    if !matches!(
        chunk.trim_start_matches(' ').as_bytes().first(),
        Some(b'`' | b'~')
    ) {
        return 0;
    }
    let mut code = 0;
    let mut fence: Option<(u8, usize)> = None;
    for Line {
        at,
        text: line,
        marked: has_return,
    } in Lines::new(chunk, 0, b'\r')
    {
        let bare = line.strip_suffix('\n').unwrap_or(line);
        let bare = bare.strip_suffix('\r').unwrap_or(bare);
        if has_return && memchr::memchr(b'\r', bare.as_bytes()).is_some() {
            return 0;
        }
        let content = bare.trim_start_matches(' ');
        let indent = bare.len() - content.len();
        match fence {
            Some(open) => {
                if closes_fence(content, indent, open) {
                    fence = None;
                    code = at + line.len();
                }
            }
            None => {
                let Some(&fence_char) = content.as_bytes().first() else {
                    return code;
                };
                let length = fence_run(content, fence_char);
                let opens = indent <= 3
                    && length >= 3
                    && (fence_char == b'~'
                        || fence_char == b'`' && !content[length..].contains('`'));
                if !opens {
                    return code;
                }
                fence = Some((fence_char, length));
            }
        }
    }
    if fence.is_some() { chunk.len() } else { code }
}

/// How many times `fence_char` repeats at the start of `content`.
fn fence_run(content: &str, fence_char: u8) -> usize {
    content
        .bytes()
        .take_while(|&byte| byte == fence_char)
        .count()
}

/// Whether `content`, a line after its `indent` spaces and without its line break, closes a
/// fence of `fence` (its character and length), as CommonMark has it: at most three spaces,
/// a run as long or longer, then only spaces and tabs.
fn closes_fence(content: &str, indent: usize, (fence_char, length): (u8, usize)) -> bool {
    let run = fence_run(content, fence_char);
    indent <= 3 && run >= length && content[run..].trim_matches([' ', '\t']).is_empty()
}

/// Splits `text[from..]` into chunks that tile it: each chunk ends after a run of blank lines
/// that stands outside code fences, HTML comments and front matter, so every chunk can be
/// parsed on its own. A paragraph longer than `LONG_LINE_BYTES` that opens a chunk is cut into
/// chunks of its own as well (see `Run`). `from` must be a chunk start (or 0); to split again
/// after an edit, it must be the start of a chunk before the edit and, when that chunk starts
/// at a cut (`starts_at_cut`), of the chunk before that. Calls `boundary` with the start of
/// each chunk after the first and stops early when it returns `false`.
///
/// In Markdown, an indented line after blank lines does not open a chunk once a list item or
/// a footnote definition stands in the chunk: it may be the item's next paragraph or a list
/// inside it ("- a\n\n    b" is a paragraph of the item; parsed on its own, four spaces
/// would make it code).
/// Only up to `LONG_LINE_BYTES` from the chunk's start, so that a list of a thousand
/// paragraphs is not held at once (past that, an indented paragraph of four spaces is read as
/// code, as a chunk on its own reads it). What a chunk holds so depends only on the chunk
/// itself, so splitting again from a chunk start finds the same chunks.
pub fn split_chunks(
    text: &str,
    from: usize,
    format: DocumentFormat,
    mut boundary: impl FnMut(usize) -> bool,
) {
    // Whether a list item stands in the chunk so far, and where the chunk starts.
    let list_item = std::cell::Cell::new(false);
    let chunk_start = std::cell::Cell::new(from);
    let mut boundary = |at: usize| {
        list_item.set(false);
        chunk_start.set(at);
        boundary(at)
    };
    let mut state = ChunkState::at(text, from == 0, format);
    let mut first_line = true;
    let mut after_blank = false;
    // The paragraph being read, when it may be cut: one cut before `from` goes on.
    let mut run = starts_at_cut(text, from).then(|| {
        Run::new(
            from,
            cuttable_after(text, from, format) == Cuttable::FirstLine,
        )
    });
    for Line {
        at,
        text: line,
        marked: has_angle,
    } in Lines::new(text, from, b'<')
    {
        // Most lines start with a letter or digit: not blank, without a look at the rest.
        let blank = !line.as_bytes()[0].is_ascii_alphanumeric() && is_blank(line);
        let goes_on_item = list_item.get()
            && matches!(line.as_bytes()[0], b' ' | b'\t')
            && at - chunk_start.get() < LONG_LINE_BYTES;
        let opens_chunk =
            state.is_outside() && (first_line || after_blank && !blank && !goes_on_item);
        if opens_chunk && !first_line && !boundary(at) {
            return;
        }
        if blank {
            run = None;
        } else if opens_chunk && !(first_line && run.is_some()) {
            run = match cuttable(line, format) {
                Cuttable::No => None,
                Cuttable::Paragraph => Some(Run::new(at, false)),
                Cuttable::FirstLine => Some(Run::new(at, true)),
            };
        } else if run.is_some() && format == DocumentFormat::Markdown && may_start_block(line) {
            // A list, quote, heading, fence or HTML block inside the chunk: what follows
            // belongs to it, and a piece read on its own would lose that.
            run = None;
        }
        if let Some(paragraph) = &mut run {
            if !paragraph.read(text, at + line.len(), &mut boundary) {
                return;
            }
            if paragraph.first_line_only {
                run = None;
            }
        }
        after_blank = false;
        if format == DocumentFormat::Markdown
            && state.is_outside()
            && !blank
            && may_open_list_item(line)
        {
            list_item.set(true);
        }
        state.step(line, has_angle, first_line, format);
        if !state.is_outside() {
            run = None;
        }
        if blank && state.is_outside() {
            after_blank = true;
        }
        first_line = false;
    }
}

/// Whether `line` is white space only (`str::trim` leaves nothing), looked at byte by byte
/// while it is ASCII: most lines that are not blank show it at their first bytes.
fn is_blank(line: &str) -> bool {
    for &byte in line.as_bytes() {
        if byte >= 0x80 {
            return line.trim().is_empty();
        }
        // What `char::is_whitespace` takes for white space in ASCII.
        if !matches!(byte, b' ' | b'\t'..=b'\r') {
            return false;
        }
    }
    true
}

/// Whether `line` may open a list item or a footnote definition, whose later paragraphs are
/// indented: after up to three spaces, `-`, `+` or `*` and white space, digits and `.` or
/// `)`, or `[^` (more lines than the parser takes for these: a chunk that goes on over too
/// many lines is only longer).
fn may_open_list_item(line: &str) -> bool {
    let indent = line.bytes().take_while(|&byte| byte == b' ').count();
    let content = &line[indent..];
    indent <= 3
        && match content.as_bytes() {
            [b'-' | b'+' | b'*', next, ..] => next.is_ascii_whitespace(),
            [b'[', b'^', ..] => true,
            [first, ..] => first.is_ascii_digit() && ordered_list_marker(content),
            [] => false,
        }
}

/// Whether the chunk that starts at `at` starts at a cut of a long paragraph (not at the start
/// of the text or after a blank line).
pub fn starts_at_cut(text: &str, at: usize) -> bool {
    if at == 0 {
        return false;
    }
    let Some(before) = text[..at].strip_suffix('\n') else {
        return true;
    };
    !before[before.rfind('\n').map_or(0, |newline| newline + 1)..]
        .trim()
        .is_empty()
}

/// Whether a line starts a block that may interrupt a paragraph (after up to three spaces): a
/// list item, quote, heading, fence, HTML block, table row, thematic break or setext underline.
fn may_start_block(line: &str) -> bool {
    let content = line.trim_start_matches(' ');
    line.len() - content.len() <= 3 && opener(content).is_some()
}

/// A block a line opens other than a paragraph, by its first characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// HTML, a fence, a setext underline or thematic break: no prose of a paragraph.
    NotProse,
    /// A table row, list item, quote or heading: prose in a block of its own.
    ProseBlock,
}

fn opener(content: &str) -> Option<Opener> {
    let &first = content.as_bytes().first()?;
    if b"<`~=_".contains(&first) {
        Some(Opener::NotProse)
    } else if b"|-+*>#".contains(&first) || first.is_ascii_digit() && ordered_list_marker(content) {
        Some(Opener::ProseBlock)
    } else {
        None
    }
}

/// A paragraph longer than this that opens a chunk is parsed in chunks of half to all of it,
/// cut at white space: no paragraph written for people is that long, and parsed whole, a wall
/// of figures or brackets would be held in the parser's memory at once.
pub const LONG_LINE_BYTES: usize = 64 << 10;

/// How far a paragraph in which every word leads into a figure ("$5 and $5 and …") runs
/// before it is cut at any word all the same: a wall of figures is parsed a piece at a time,
/// in memory that does not grow with it.
const WALL_BYTES: usize = 4 * LONG_LINE_BYTES;

/// How far a chunk opened by `line` may be cut (see `Run`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cuttable {
    No,
    /// A paragraph: anywhere, until a line starts a block of another kind.
    Paragraph,
    /// A list item, quote, heading or table row: only inside its first line. The lines after
    /// it belong to the block (an indented fence in a list item among them); the last piece
    /// takes them, and the pieces before are read as paragraphs.
    FirstLine,
}

/// How far a chunk that opens with `line` may be cut. The pieces after a cut start as
/// `may_start_piece` says, so read on their own they are prose as the line was. Indented code,
/// fences, HTML blocks and link reference definitions (whose label is at most 999 characters
/// long) are never cut.
fn cuttable(line: &str, format: DocumentFormat) -> Cuttable {
    if format == DocumentFormat::PlainText {
        return Cuttable::Paragraph;
    }
    if line.is_empty() || line.starts_with(|c: char| c.is_ascii_whitespace()) {
        return Cuttable::No;
    }
    match opener(line) {
        Some(Opener::NotProse) => Cuttable::No,
        Some(Opener::ProseBlock) => Cuttable::FirstLine,
        None if line.starts_with('[') && link_reference_definition(line) => Cuttable::No,
        None => Cuttable::Paragraph,
    }
}

/// How the chunk that starts at the cut `at` may be cut further: as the chunk that opened
/// the line holding `at` when `at` is inside that line, else as a paragraph.
fn cuttable_after(text: &str, at: usize, format: DocumentFormat) -> Cuttable {
    let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
    if line_start == at || starts_at_cut(text, line_start) {
        Cuttable::Paragraph
    } else {
        cuttable(&text[line_start..], format)
    }
}

/// Whether `line` starts with digits and `.` or `)`.
fn ordered_list_marker(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
}

/// A paragraph being split into chunks as the lines come: what is open and the last words
/// since the last cut. It is cut at a word after white space (a line break included), where no
/// code span, HTML tag or link destination is open (inline markup never crosses a cut), before
/// what may start a piece (`may_start_piece`): from `LONG_LINE_BYTES / 2` after the last cut,
/// only at the end of a sentence; from `LONG_LINE_BYTES`, also after a word that cannot belong
/// with the next in a claim (`tied_to_next`); from `WALL_BYTES`, at any word. Whether a cut is made depends only on the text
/// from the last cut to a little past the new one, so splitting again from the chunk before an
/// edit finds the same cuts. Nothing is scanned before a paragraph is half that long.
struct Run {
    /// The last cut (or the paragraph's start).
    start: usize,
    /// Cut only inside the line being read (`Cuttable::FirstLine`).
    first_line_only: bool,
    /// How far the text is scanned.
    scanned: usize,
    open: InlineOpen,
    /// The last two words before `scanned` (a word: bytes between white space).
    words: [std::ops::Range<usize>; 2],
    word_start: usize,
}

impl Run {
    fn new(start: usize, first_line_only: bool) -> Run {
        Run {
            start,
            first_line_only,
            scanned: start,
            open: InlineOpen::default(),
            words: [start..start, start..start],
            word_start: start,
        }
    }

    /// Reads the text up to `end` (a line end), calling `boundary` at each cut; `false` when
    /// `boundary` asked to stop.
    fn read(&mut self, text: &str, end: usize, boundary: &mut impl FnMut(usize) -> bool) -> bool {
        if end - self.start <= LONG_LINE_BYTES / 2 {
            return true;
        }
        let bytes = text.as_bytes();
        let space = |byte: u8| matches!(byte, b' ' | b'\t' | b'\n' | b'\r');
        // Bytes that neither part words nor open or close an inline construct.
        let plain = |byte: u8| !space(byte) && !InlineOpen::acts_on(byte);
        while self.scanned < end {
            let at = self.scanned;
            let byte = bytes[at];
            let after_space = at > 0 && space(bytes[at - 1]);
            // Inside a word, plain bytes change nothing: the run of them is passed over at once.
            if plain(byte) && !after_space {
                // A word that runs on past `LONG_LINE_BYTES` ("$1$1$1…") is cut inside,
                // before a dollar sign or a mark that ends a clause, where no figure goes on.
                // The run is read only up to that cut, so each byte is looked at once however
                // many pieces the word makes.
                let wall = self.start + LONG_LINE_BYTES;
                let from = at.max(wall).min(end);
                let stop = match bytes[at..from].iter().position(|&next| !plain(next)) {
                    Some(offset) => at + offset,
                    None if self.open.is_closed() => bytes[from..end]
                        .iter()
                        .position(|&next| !plain(next) || cut_inside_word_before(next))
                        .map_or(end, |offset| from + offset),
                    None => bytes[from..end]
                        .iter()
                        .position(|&next| !plain(next))
                        .map_or(end, |offset| from + offset),
                };
                if stop < end && stop >= wall && plain(bytes[stop]) {
                    *self = Run::new(stop, self.first_line_only);
                    if !boundary(stop) {
                        return false;
                    }
                    continue;
                }
                self.scanned = stop;
                continue;
            }
            if space(byte) && !after_space {
                self.words = [self.words[1].clone(), self.word_start..at];
            } else if !space(byte) && after_space {
                self.word_start = at;
                if self.cut_at(text, at) {
                    *self = Run::new(at, self.first_line_only);
                    if !boundary(at) {
                        return false;
                    }
                }
            }
            self.scanned = (at + self.open.step(bytes, at)).max(self.scanned);
        }
        true
    }

    fn cut_at(&self, text: &str, at: usize) -> bool {
        let since = at - self.start;
        if since < LONG_LINE_BYTES / 2 || !self.open.is_closed() {
            return false;
        }
        let rest = &text[at..];
        let last = &text[self.words[1].clone()];
        // (The cheap questions first: in a wall of figures each word start is asked.)
        let capital = || match rest.as_bytes().first() {
            Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
            _ => rest.chars().next().is_some_and(char::is_uppercase),
        };
        (since >= WALL_BYTES
            || since >= LONG_LINE_BYTES && !tied_to_next(last)
            || capital() && ends_sentence(&text[self.words[0].clone()], last))
            && may_start_piece(rest)
    }
}

/// A table cell's text (`cell`, as the parser's range gives it) without the spaces and pipes
/// around it.
fn trim_cell(text: &str, cell: Span) -> Span {
    let inner = &text[cell.start..cell.end];
    let is_edge = |c: char| c.is_whitespace() || c == '|';
    let start = cell.start + (inner.len() - inner.trim_start_matches(is_edge).len());
    let end = cell.start + inner.trim_end_matches(is_edge).len();
    Span::new(start, end.max(start))
}

/// Whether a piece of a long paragraph may start with `rest`: read on its own, it starts a
/// paragraph, as the line did. A letter, a dollar sign, an opening quote or bracket, or
/// digits that are no list marker (a sign written after figures, `€`, may belong to the one
/// before); no link reference definition. (What follows the cut is
/// looked at up to a link label's length, so an edit re-splits from the chunk before.)
fn may_start_piece(rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() {
        return !ordered_list_marker(rest);
    }
    first.is_alphabetic()
        || matches!(first, '$' | '(' | '"' | '„' | '“' | '‚' | '‘' | '«' | '»')
        || first == '[' && !link_reference_definition(rest)
}

/// Whether `line` (starting with `[`) opens a link reference definition: its label, at most
/// 999 characters long, is followed by `:`.
fn link_reference_definition(line: &str) -> bool {
    let label = &line.as_bytes()[1..line.len().min(1002)];
    match label.iter().position(|&byte| byte == b'[' || byte == b']') {
        Some(at) => label[at] == b']' && label.get(at + 1) == Some(&b':'),
        None => false,
    }
}

/// Whether a word of figures that runs on (`$1$1$1…`) may be cut right before `byte`: a
/// dollar sign or a mark that ends a clause, where no figure goes on.
pub(crate) fn cut_inside_word_before(byte: u8) -> bool {
    matches!(byte, b'$' | b';' | b'!' | b'?' | b'"')
}

/// Whether a word may belong with the word after it in one claim: it holds digits, or its
/// letters read as a number, scale, fraction or multiplier word (`drei`, `Mio.`), a currency
/// (`€`, `USD`), a word of a bound or hedge (`up to`, `mehr als`, `etwa`) or a function word.
pub(crate) fn tied_to_next(word: &str) -> bool {
    if word.bytes().any(|byte| byte.is_ascii_digit()) {
        return true;
    }
    if word
        .chars()
        .any(|c| crate::lexicon::currency_symbol(c.encode_utf8(&mut [0; 4])).is_some())
    {
        return true;
    }
    let letters = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut buffer = [0u8; 48];
    let Some(lower) = crate::lexicon::lowercase_into(letters, &mut buffer) else {
        return false;
    };
    crate::lexicon::reads_as_number_word(letters, lower)
        || crate::lexicon::currency_word(lower).is_some()
        || crate::lexicon::is_function_word(lower)
        || crate::lexicon::in_hedge_phrase(lower)
}

/// Whether the word `last` (after `before`) ends a sentence: a word of letters and a full
/// stop, not a scale word after a figure (`5 Mrd. Euro`) or an initial (`z. B.`).
fn ends_sentence(before: &str, last: &str) -> bool {
    let Some(word) = last.strip_suffix(['.', '!', '?']) else {
        return false;
    };
    word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && !before.bytes().any(|byte| byte.is_ascii_digit())
}

/// The inline constructs open at a point of a line, as far as a cut must know.
#[derive(Default)]
struct InlineOpen {
    /// The length of the backtick run that opened a code span.
    code: Option<usize>,
    /// Inside `<…>` that may be an HTML tag, comment or autolink.
    angle: bool,
    /// The depth of parentheses in a link destination (after `](`).
    destination: u32,
}

impl InlineOpen {
    /// Whether `step` may do more at `byte` than move one byte on: the bytes that open,
    /// close or escape a construct. A scan may pass over the others at once.
    fn acts_on(byte: u8) -> bool {
        matches!(byte, b'`' | b'\\' | b'<' | b'>' | b']' | b'(' | b')')
    }

    fn is_closed(&self) -> bool {
        self.code.is_none() && !self.angle && self.destination == 0
    }

    /// Moves past the construct at `bytes[at]`; returns how many bytes it spans.
    fn step(&mut self, bytes: &[u8], at: usize) -> usize {
        let byte = bytes[at];
        if byte == b'`' {
            let run = bytes[at..].iter().take_while(|&&b| b == b'`').count();
            self.code = match self.code {
                Some(open) if open == run => None,
                None => Some(run),
                open => open,
            };
            return run;
        }
        if self.code.is_some() {
            return 1;
        }
        match byte {
            // An escaped character is literal (and in a code span, the backslash is).
            b'\\' => return 2.min(bytes.len() - at),
            b'<' if !self.angle => {
                self.angle = bytes
                    .get(at + 1)
                    .is_some_and(|next| next.is_ascii_alphabetic() || b"/!?".contains(next));
            }
            b'>' => self.angle = false,
            b']' if bytes.get(at + 1) == Some(&b'(') && !self.angle => {
                self.destination += 1;
                return 2;
            }
            b'(' if self.destination > 0 => self.destination += 1,
            b')' if self.destination > 0 => self.destination -= 1,
            _ => {}
        }
        1
    }
}

/// Gives `read` the lines of a chunk (`chunk`, starting the document when `first`) that may
/// be prose, raw: those outside code fences, HTML comments and front matter. Stops when `read`
/// returns `true`, and returns whether it did. Language detection reads these, so that it
/// needs no parsing.
pub fn read_prose_lines(
    chunk: &str,
    format: DocumentFormat,
    first: bool,
    mut read: impl FnMut(&str) -> bool,
) -> bool {
    let mut state = ChunkState::at(chunk, first, format);
    let mut first_line = true;
    for Line {
        text: line,
        marked: has_angle,
        ..
    } in Lines::new(chunk, 0, b'<')
    {
        let outside = state.is_outside();
        state.step(line, has_angle, first_line, format);
        first_line = false;
        if outside && state.is_outside() && read(line) {
            return true;
        }
    }
    false
}

/// Collects the prose segments of the block being read.
#[derive(Default)]
struct BlockBuilder {
    first_segment: Option<usize>,
    start: usize,
    end: usize,
    has_prose: bool,
    skipping_link: Vec<bool>,
}

impl BlockBuilder {
    fn prose(&mut self, document: &mut Document, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.open(document, start);
        document.segments.push(Segment {
            start,
            end,
            kind: SegmentKind::Prose,
        });
        self.end = self.end.max(end);
        self.has_prose = true;
    }

    fn boundary(&mut self, document: &mut Document, at: usize) {
        if self.first_segment.is_none() {
            return;
        }
        document.segments.push(Segment {
            start: at,
            end: at,
            kind: SegmentKind::Boundary,
        });
    }

    fn open(&mut self, document: &Document, start: usize) {
        if self.first_segment.is_none() {
            self.first_segment = Some(document.segments.len());
            self.start = start;
            self.end = start;
        }
    }

    fn flush(&mut self, document: &mut Document, kind: Option<BlockKind>) {
        if let Some(first) = self.first_segment.take() {
            if self.has_prose {
                // Boundaries after the last prose segment fall outside the block.
                let end = self.end;
                while document
                    .segments
                    .last()
                    .is_some_and(|segment| segment.start >= end && document.segments.len() > first)
                {
                    document.segments.pop();
                }
                document.blocks.push(Block {
                    span: Span::new(self.start, end),
                    kind: kind.unwrap_or(BlockKind::Paragraph),
                    segments: first..document.segments.len(),
                    header: None,
                    row: None,
                });
            } else {
                document.segments.truncate(first);
            }
        }
        self.has_prose = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `step` does nothing but move on at the bytes `acts_on` leaves out, whatever is open:
    /// a scan that passes over them misses nothing.
    /// An indented line after blank lines goes on the chunk of a list item (up to
    /// `LONG_LINE_BYTES`), and opens a chunk of its own elsewhere.
    #[test]
    fn a_list_item_keeps_its_indented_paragraphs() {
        let starts = |text: &str| {
            let mut starts = vec![0];
            split_chunks(text, 0, DocumentFormat::Markdown, |at| {
                starts.push(at);
                true
            });
            starts
        };
        assert_eq!(starts("- a\n\n    b\n\n  c\n"), [0]);
        assert_eq!(
            starts("1. a\n\n    1. b\n\nText\n\n    code\n"),
            [0, 16, 22]
        );
        assert_eq!(starts("Text\n\n    code\n"), [0, 6]);
        assert_eq!(starts("[^1]: A note.\n\n    More of it.\n"), [0]);
        assert_eq!(starts("- a\n\n    b\n"), [0]);
        let mut long = String::from("- a\n\n");
        while long.len() < LONG_LINE_BYTES + 100 {
            long.push_str("    A paragraph of the item.\n\n");
        }
        let long_starts = starts(&long);
        // Past the limit, each indented paragraph is a chunk of its own again.
        assert_eq!(long_starts.len(), 4, "{long_starts:?}");
        assert!((LONG_LINE_BYTES..LONG_LINE_BYTES + 100).contains(&long_starts[1]));
        let mut plain = vec![0];
        split_chunks("- a\n\n    b\n", 0, DocumentFormat::PlainText, |at| {
            plain.push(at);
            true
        });
        assert_eq!(plain, [0, 5]);
    }

    /// `is_blank` says what `str::trim` says, for every byte beside white space.
    #[test]
    fn blank_lines_are_what_trim_leaves_empty() {
        let mut lines = vec![String::new()];
        for byte in 0..=127u8 {
            for text in [format!("{}", byte as char), format!("  {}\n", byte as char)] {
                lines.push(text);
            }
        }
        for special in ["\u{a0}", "\u{2003}", "\u{3000}", "\u{85}", "é", "\u{feff}"] {
            lines.push(format!(" {special}\n"));
            lines.push(format!("{special}x"));
        }
        for line in &lines {
            assert_eq!(is_blank(line), line.trim().is_empty(), "{line:?}");
        }
    }

    #[test]
    fn inline_scan_acts_only_where_it_says() {
        for byte in (0..=255u8).filter(|&byte| !InlineOpen::acts_on(byte)) {
            for (code, angle, destination) in
                [(None, false, 0), (Some(2), false, 0), (None, true, 1)]
            {
                let mut open = InlineOpen {
                    code,
                    angle,
                    destination,
                };
                let bytes = [byte, b'(', b'`'];
                assert_eq!(open.step(&bytes, 0), 1, "{byte}");
                assert_eq!(
                    (open.code, open.angle, open.destination),
                    (code, angle, destination),
                    "{byte}"
                );
            }
        }
    }

    fn prose_of(text: &str) -> Vec<String> {
        let document = Document::parse(text, DocumentFormat::Markdown);
        let mut buffer = String::new();
        document
            .blocks
            .iter()
            .map(|block| {
                document.masked_block(block, &mut buffer);
                assert_eq!(buffer.len(), block.span.len());
                buffer.replace('\u{1f}', "|")
            })
            .collect()
    }

    /// Only a top-level key is the document's language; its value is found without quotes,
    /// comments and line ends, and an unknown one keeps its exact span.
    #[test]
    fn front_matter_language_is_a_top_level_key_with_its_value_span() {
        let language = |text: &str| {
            let document = Document::parse(text, DocumentFormat::Markdown);
            let unknown = document
                .unknown_front_matter_language
                .map(|(value, span)| (value, text[span.start..span.end].to_owned()));
            (document.front_matter_language, unknown)
        };
        assert_eq!(
            language("---\nlang: \"en-GB\" # British\r\n---\n\nText.\n"),
            (Some(Language::English), None)
        );
        assert_eq!(
            language("---\ntitle: x\nlanguage: 'fr'  # French\r\n---\n\nText.\n"),
            (None, Some(("fr".to_owned(), "'fr'".to_owned())))
        );
        assert_eq!(
            language("---\r\nlang:   dee\r\n---\r\n\r\nText.\r\n"),
            (None, Some(("dee".to_owned(), "dee".to_owned())))
        );
        // A nested key belongs to something else; an empty value says nothing.
        assert_eq!(
            language("---\ncode:\n  language: rust\nlang:\n---\n\nText.\n"),
            (None, None)
        );
        // Not front matter: no language.
        assert_eq!(language("Text.\n\nlang: fr\n"), (None, None));
    }

    /// TOML front matter (Hugo, Zola) is skipped like YAML: its figures are no prose, a
    /// blank line inside it parts no chunk, and a top-level `lang` before any table counts.
    #[test]
    fn toml_front_matter_is_skipped_and_read() {
        let text = "+++\ntitle = \"Q3\"\n\nweight = 10\nlang = \"de\"\n[params]\nlang = \"fr\"\n+++\n\nUmsatz 5 %.\n";
        let document = Document::parse(text, DocumentFormat::Markdown);
        assert_eq!(document.front_matter_language, Some(Language::German));
        assert_eq!(document.unknown_front_matter_language, None);
        assert_eq!(prose_of(text), ["Umsatz 5 %."]);
        assert_eq!(boundaries(text, 0), [text.find("Umsatz").unwrap()]);
        let mut lines = Vec::new();
        read_prose_lines(text, DocumentFormat::Markdown, true, |line| {
            lines.push(line.to_owned());
            false
        });
        assert_eq!(lines.concat().trim(), "Umsatz 5 %.");
        // An unknown value keeps its span; `---` inside TOML closes nothing.
        let text = "+++\nlang = 'fr'\nnote = \"---\"\n+++\n\nText.\n";
        let document = Document::parse(text, DocumentFormat::Markdown);
        let (value, span) = document.unknown_front_matter_language.unwrap();
        assert_eq!(
            (value.as_str(), &text[span.start..span.end]),
            ("fr", "'fr'")
        );
        assert_eq!(prose_of(text), ["Text."]);
    }

    #[test]
    fn skips_code_links_html_and_front_matter() {
        let text = "---\nlang: de\n---\n\nCosts `5 USD` were [2,000 GPUs](https://x.test/3) <b>x</b>.\n\n```\n10 000\n```\n";
        let document = Document::parse(text, DocumentFormat::Markdown);
        assert_eq!(document.front_matter_language, Some(Language::German));
        let prose = prose_of(text);
        assert_eq!(prose.len(), 1);
        assert!(prose[0].starts_with("Costs |"), "{:?}", prose[0]);
        assert!(prose[0].contains(" 2,000 GPUs "), "{:?}", prose[0]);
        assert!(!prose[0].contains("x.test"));
    }

    #[test]
    fn offsets_survive_escapes_and_entities() {
        let text = "A \\* B &amp; 5 %\n";
        let document = Document::parse(text, DocumentFormat::Markdown);
        let block = &document.blocks[0];
        let mut buffer = String::new();
        document.masked_block(block, &mut buffer);
        let at = block.span.start + buffer.find("5 %").unwrap();
        assert_eq!(&text[at..at + 3], "5 %");
    }

    fn boundaries(text: &str, from: usize) -> Vec<usize> {
        let mut found = Vec::new();
        split_chunks(text, from, DocumentFormat::Markdown, |at| {
            found.push(at);
            true
        });
        found
    }

    /// The splitter closes a fence only where the parser does: a run of backticks followed by
    /// anything but spaces and tabs leaves the code open, so no chunk starts inside it.
    #[test]
    fn chunks_do_not_start_inside_a_fence_that_is_still_open() {
        let text = "```\ncode\n```\u{a0}\n\nstill code 5 %\n```\n\nProse 7 %.\n";
        assert_eq!(boundaries(text, 0), [text.find("Prose").unwrap()]);
        let closed = "```\ncode\n```  \t\n\nProse 5 %.\n";
        assert_eq!(boundaries(closed, 0), [closed.find("Prose").unwrap()]);
    }

    #[test]
    fn long_lines_are_cut_at_the_end_of_a_sentence() {
        let line = "Die Firma meldet 2.000 GPUs und 5 Mio. Euro Umsatz. ".repeat(4_000) + "\n";
        let cuts = boundaries(&line, 0);
        assert!(cuts.len() >= 3, "{cuts:?}");
        let mut previous = 0;
        for &cut in &cuts {
            assert!(line[..cut].ends_with("Umsatz. ") && line[cut..].starts_with("Die "));
            assert!((LONG_LINE_BYTES / 2..LONG_LINE_BYTES).contains(&(cut - previous)));
            previous = cut;
        }
        // Split again from any cut, the same cuts follow.
        for (at, &cut) in cuts.iter().enumerate() {
            assert_eq!(boundaries(&line, cut), cuts[at + 1..]);
        }
    }

    /// The cuts of `line`: at least `count`, each `apart` bytes after the one before (or the
    /// start), each where `fits` says; split again from any cut, the same cuts follow.
    fn assert_cuts(
        line: &str,
        count: usize,
        apart: std::ops::Range<usize>,
        fits: impl Fn(usize) -> bool,
    ) {
        let cuts = boundaries(line, 0);
        assert!(cuts.len() >= count, "{cuts:?}");
        let mut previous = 0;
        for &cut in &cuts {
            assert!(apart.contains(&(cut - previous)) && fits(cut), "{cut}");
            previous = cut;
        }
        for (at, &cut) in cuts.iter().enumerate() {
            assert_eq!(boundaries(line, cut), cuts[at + 1..]);
        }
    }

    #[test]
    fn walls_where_every_word_leads_into_a_figure_are_cut_at_any_word() {
        let line = "$5 and ".repeat(200_000);
        assert_cuts(&line, 4, WALL_BYTES..WALL_BYTES + 8, |cut| {
            line[..cut].ends_with(' ')
        });
    }

    #[test]
    fn a_word_of_figures_is_cut_inside_before_a_dollar_sign() {
        let line = "$1".repeat(200_000);
        assert_cuts(&line, 3, LONG_LINE_BYTES..LONG_LINE_BYTES + 3, |cut| {
            line[cut..].starts_with("$1")
        });
    }

    #[test]
    fn walls_of_figures_are_cut_after_words_that_lead_into_no_figure() {
        let line = "12 % mehr, 3,5 Mio. € Umsatz [7 Prozentpunkte ".repeat(5_000);
        let cuts = boundaries(&line, 0);
        assert!(cuts.len() >= 2, "{cuts:?}");
        let mut previous = 0;
        for &cut in &cuts {
            assert!(cut - previous >= LONG_LINE_BYTES);
            let before = line[..cut].trim_end();
            let last_word = &before[before.rfind(' ').map_or(0, |at| at + 1)..];
            assert!(
                !last_word.bytes().any(|b| b.is_ascii_digit()),
                "{last_word}"
            );
            assert!(
                !line[cut..].starts_with('€'),
                "a sign after figures stays with them"
            );
            previous = cut;
        }
        // Digits alone: every word is tied to the next, no cut (the block is read in pieces).
        assert!(boundaries(&"1 2 3 ".repeat(30_000), 0).is_empty());
    }

    #[test]
    fn no_cut_falls_inside_inline_markup() {
        let filler = "Der Umsatz stieg. ".repeat(2_000);
        for (open, close) in [
            ("`", "`"),
            ("[Bericht](/bericht \"", "\")"),
            ("<span title=\"", "\">"),
        ] {
            let inside = "Mehr Text. ".repeat(8_000);
            let line = format!("{filler}{open}{inside}{close} {filler}\n");
            let (from, to) = (filler.len(), filler.len() + open.len() + inside.len());
            let cuts = boundaries(&line, 0);
            assert!(!cuts.is_empty());
            assert!(
                cuts.iter().all(|&cut| cut <= from || cut > to),
                "{open}: {cuts:?} within {from}..{to}"
            );
        }
        // An unclosed code span: no cut after it.
        let line = format!("{filler}` {filler}{filler}\n");
        assert!(boundaries(&line, 0).iter().all(|&cut| cut <= filler.len()));
    }

    #[test]
    fn lines_that_open_other_blocks_are_cut_in_their_first_line_or_not_at_all() {
        let long = "Der Umsatz stieg um 5 %. ".repeat(6_000);
        for opener in ["    ", "<div>", "[a]: /u ", "```", "===", "___ "] {
            let line = format!("{opener}{long}\n");
            assert!(boundaries(&line, 0).is_empty(), "{opener:?}");
        }
        assert!(!boundaries(&format!("[a] {long}\n"), 0).is_empty());
        // A list item, quote, heading or table row: cut inside its first line only, the same
        // when split again from a cut.
        let more = "Der Umsatz stieg um 5 %.\n".repeat(6_000);
        for opener in ["- ", "> ", "1. ", "# ", "| "] {
            let text = format!("{opener}{long}\n{more}");
            let first_line_end = opener.len() + long.len();
            let cuts = boundaries(&text, 0);
            assert!(cuts.len() >= 2, "{opener:?}");
            assert!(cuts.iter().all(|&cut| cut < first_line_end), "{opener:?}");
            for (at, &cut) in cuts.iter().enumerate() {
                assert_eq!(
                    boundaries(&text, cut),
                    cuts[at + 1..],
                    "{opener:?} from {cut}"
                );
            }
        }
        // A piece never starts with a list marker or a link reference definition.
        let line = "Der Umsatz stieg. 5. Quartal [b]: x ".repeat(8_000);
        for cut in boundaries(&line, 0) {
            assert!(may_start_piece(&line[cut..]) && !line[cut..].starts_with(['5', '[']));
        }
    }

    #[test]
    fn long_paragraphs_of_many_lines_are_cut_too() {
        // A wall of brackets broken into lines of about 60 bytes.
        let line = "[12 % [3,5 Mio. € [[12 % [3,5 Mio. € [[12 % [3,5 Mio. € [[\n";
        let text = line.repeat(4_000);
        let cuts = boundaries(&text, 0);
        assert!(cuts.len() >= 2, "{cuts:?}");
        for (at, &cut) in cuts.iter().enumerate() {
            assert!(starts_at_cut(&text, cut));
            assert!(may_start_piece(&text[cut..]));
            assert_eq!(
                boundaries(&text, cut),
                cuts[at + 1..],
                "split again from {cut}"
            );
        }
        // Sentences over lines: cut at a line start after a full stop.
        let text = "Die Firma meldet 2.000 GPUs\nund 5 Mio. Euro Umsatz.\n".repeat(3_000);
        let cuts = boundaries(&text, 0);
        assert!(!cuts.is_empty());
        assert!(cuts.iter().all(|&cut| text[..cut].ends_with("Umsatz.\n")));
        // A list that starts inside the chunk ends the cutting: its items' lines would be read
        // as paragraphs of their own.
        let text = format!("Der Umsatz stieg.\n- Punkt eins\n{}", line.repeat(4_000));
        assert!(boundaries(&text, 0).is_empty());
        // After a blank line, a new paragraph is cut on its own.
        let text = format!("- Punkt\n\n{}", line.repeat(4_000));
        let cuts = boundaries(&text, 0);
        assert_eq!(cuts.first(), Some(&"- Punkt\n\n".len()));
        assert!(!starts_at_cut(&text, cuts[0]) && starts_at_cut(&text, cuts[1]));
    }
}
