import TicketTrainerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads one YAML document into `YAMLNode`s from libyaml's events (`YAMLEventReader`).
///
/// It turns every libyaml error into a `Diagnostic` with a 1-based line and column, and
/// enforces `YAMLLimits`. Aliases are refused outright rather than expanded, so no file can
/// multiply itself.
///
/// A list at the top level can be handed over item by item as it is read, instead of being
/// kept in the tree: a bank of 100,000 tickets is then decoded a ticket at a time, and only
/// the decoded tickets stay in memory.
public struct YAMLParser {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = YAMLLimits()) {
        self.limits = limits
    }

    /// The result of a parse: the document, if one could be read, and what went wrong.
    public struct Result: Sendable {
        public var root: YAMLNode?
        /// Faults found on the way. Duplicate keys do not stop the parse; syntax errors do.
        public var diagnostics: [Diagnostic]
    }

    /// Receives the items of one top-level list, each as soon as the parser has read it,
    /// as the events that make it up.
    typealias ItemSink = (YAMLTape) -> Void

    /// Asked when a list begins as the value of a top-level key, with that key and the
    /// top-level entries read so far; a sink it returns takes the list's items, and the
    /// tree keeps the list empty.
    typealias Streaming = (
        _ key: String, _ earlierEntries: [(key: YAMLNode, value: YAMLNode)]
    ) -> ItemSink?

    /// Parses the bytes of a file named `file` (the name only appears in diagnostics).
    public func parse(_ bytes: [UInt8], file: String) -> Result {
        var session = ParseSession(
            input: .bytes(bytes), file: file, limits: limits, streaming: nil)
        return session.run()
    }

    /// Parses the file at `path`, reading it in pieces rather than whole.
    func parse(fileAt path: String, streaming: Streaming? = nil) -> Result {
        var session = ParseSession(
            input: .file(path), file: path, limits: limits, streaming: streaming)
        return session.run()
    }
}

typealias ParseInput = YAMLEventReader.Input

extension YAMLEventReader.Input {
    /// The start of the text, read again only to place an error: at most `limit` bytes,
    /// and no more lines than `lines` (counting LF and CR alike); a file that cannot be
    /// read gives nothing.
    func contents(limit: Int, lines: Int = .max) -> [UInt8] {
        switch self {
        case .bytes(let bytes):
            return bytes
        case .file(let path):
            guard let stream = fopen(path, "rb") else { return [] }
            defer { fclose(stream) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            var lineFeeds = 0
            var returns = 0
            while bytes.count < limit && max(lineFeeds, returns) <= lines {
                let count = fread(&chunk, 1, min(chunk.count, limit - bytes.count), stream)
                guard count > 0 else { break }
                for byte in chunk[..<count] {
                    if byte == 0x0A { lineFeeds += 1 } else if byte == 0x0D { returns += 1 }
                }
                bytes += chunk[..<count]
            }
            return bytes
        }
    }
}

/// One run of the parser over one file.
private struct ParseSession {
    let input: ParseInput
    let file: String
    let limits: YAMLLimits
    let streaming: YAMLParser.Streaming?
    var tree: YAMLTreeBuilder
    var diagnostics: [Diagnostic] = []
    var documents = 0
    /// Takes the items of the streamed list, whose builder is then at depth `sinkDepth`.
    var sink: YAMLParser.ItemSink?
    var sinkDepth = 0
    /// The item of the streamed list being read, and how deep the parser is inside it.
    var item: YAMLTape
    var itemDepth = 0
    /// As much of the text as placing libyaml's error needs, read when it does.
    var bytes: [UInt8] = []

    init(
        input: ParseInput, file: String, limits: YAMLLimits, streaming: YAMLParser.Streaming?
    ) {
        self.input = input
        self.file = file
        self.limits = limits
        self.streaming = streaming
        self.tree = YAMLTreeBuilder(file: file)
        self.item = YAMLTape(file: file)
    }

    mutating func run() -> ParseSession.Result {
        if case .bytes(let bytes) = input, bytes.count > limits.maximumFileSize {
            fail(
                at: location(line: 1, column: 1),
                "file is \(bytes.count) bytes, more than the \(limits.maximumFileSize) allowed",
                note: "split the scenarios over several files")
            return Result(root: nil, diagnostics: diagnostics)
        }

        let reader = YAMLEventReader(input)
        let end = readEvents(from: reader)
        switch end {
        case .finished?: break
        case .unreadable?: fail(at: location(line: 1, column: 1), "cannot be read")
        case .outOfMemory?:
            fail(at: location(line: 1, column: 1), "the YAML parser could not start: out of memory")
        case .failed(let failure)?: report(failure)
        case nil: reader.stop()
        }

        // An item stopped halfway still has its faults so far found, as the tree would.
        var unfinishedItem: [Diagnostic] = []
        if !item.events.isEmpty { _ = item.node(diagnostics: &unfinishedItem) }

        // The parser's own faults stop it, so they come after every fault the tree found.
        diagnostics = tree.diagnostics + unfinishedItem + diagnostics
        if tree.root == nil && !diagnostics.containsErrors {
            fail(
                at: location(line: 1, column: 1), "file is empty",
                note: "it should begin with 'lesson:' and list its contents")
        }
        return Result(root: tree.root, diagnostics: diagnostics)
    }

    typealias Result = YAMLParser.Result

    /// Builds values from the reader's events until they end or a fault stops the parse:
    /// how the reading ended, or nil when it was stopped here and the reader still runs.
    private mutating func readEvents(from reader: YAMLEventReader) -> YAMLReadEnd? {
        while true {
            let batch = reader.next()
            for event in batch.events {
                guard handle(event, text: batch.text) else {
                    return batch.end == nil ? nil : .finished
                }
            }
            if let end = batch.end { return end }
        }
    }

    /// Applies one event; false when parsing must stop.
    private mutating func handle(_ event: YAMLEvent, text: [UInt8]) -> Bool {
        let at = location(line: Int(event.line), column: Int(event.column))
        switch event.kind {
        case .documentStart:
            documents += 1
            if documents > 1 {
                fail(
                    at: at, "a second YAML document begins here",
                    note: "a file holds one lesson or one list of scenarios; remove the '---'")
                return false
            }
            return true

        case .alias:
            fail(
                at: at, "aliases ('*name') are not allowed",
                note: "write the value out in full where it is needed")
            return false

        case .sequenceStart, .mappingStart:
            guard tree.depth + itemDepth < limits.maximumDepth else {
                fail(
                    at: at, "lists and mappings nest more than \(limits.maximumDepth) deep",
                    note: "a lesson or scenario file needs only a few levels")
                return false
            }
            if event.kind == .sequenceStart, sink == nil, streaming != nil,
                let key = tree.topLevelKeyAwaitingValue,
                let taker = streaming?(key.name, key.entries)
            {
                sink = taker
                sinkDepth = tree.depth + 1
            }

        case .scalar, .sequenceEnd, .mappingEnd:
            break
        }

        if let sink, tree.depth == sinkDepth, itemDepth > 0 || !event.closesContainer {
            // An item of the streamed list: its events are taped and handed over whole.
            item.append(event, from: text)
            itemDepth += event.opensContainer ? 1 : event.closesContainer ? -1 : 0
            if itemDepth == 0 {
                sink(item)
                item.clear()
            }
            return true
        }

        if event.closesContainer, tree.depth == sinkDepth {
            sink = nil
            sinkDepth = 0
        }
        tree.apply(event, text: text)
        return true
    }

    // MARK: - Positions and errors

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private mutating func fail(at location: SourceLocation, _ message: String, note: String? = nil)
    {
        diagnostics.append(.error(at: location, message, note: note))
    }

    /// Turns libyaml's error into a diagnostic a trainer can act on.
    private mutating func report(_ failure: YAMLReadFailure) {
        let problem = failure.problem ?? "the file cannot be read"

        if failure.isReaderError {
            bytes = input.contents(limit: min(limits.maximumFileSize, failure.offset + 8))
            let at = locationOfByte(startOfSequence(around: failure.offset))
            if problem.contains("UTF-8") || problem.contains("octet")
                || problem.contains("invalid Unicode character")
            {
                fail(at: at, "invalid UTF-8 (\(problem))", note: "save the file as UTF-8")
            } else if problem.contains("control characters") {
                fail(
                    at: at, "a control character that YAML does not allow",
                    note: "remove it, or write it as an escape inside double quotes")
            } else if problem == "input error" {
                fail(at: at, "the file could not be read to the end (libyaml: input error)")
            } else {
                fail(at: at, problem)
            }
            return
        }

        bytes = input.contents(limit: limits.maximumFileSize, lines: failure.line)
        let at = location(line: failure.line, column: failure.column)
        if character(at: at) == "\t" {
            fail(at: at, "a tab used for indentation", note: "indent with spaces only")
            return
        }
        var message = problem
        if let context = failure.context {
            message +=
                " (\(context) at line \(failure.contextLine), column \(failure.contextColumn))"
        }
        fail(at: at, message, note: Self.advice(for: problem))
    }

    /// What usually causes one of libyaml's faults, and what to do, in a trainer's words.
    private static func advice(for problem: String) -> String {
        let known: [(problem: String, advice: String)] = [
            (
                "mapping values are not allowed",
                "a value holding ': ' needs quotes, or this line is indented too far"
            ),
            (
                "did not find expected key",
                "check this line's indentation, and look above for a quote or bracket left open"
            ),
            ("found unexpected end of stream", "a quote or a bracket is not closed"),
            (
                "did not find expected '-' indicator",
                "each item of a list begins with '- ', indented like the others"
            ),
            (
                "did not find expected <document start>",
                "the document ends before this line (a '...' line?); remove what ends it"
            ),
            (
                "found character that cannot start any token",
                "'@', '`' and '%' cannot begin a value: put the value in quotes"
            ),
            ("could not find expected ':'", "a key needs ':' after it, on the same line"),
            ("found undefined tag handle", "'!' begins a YAML tag: put the value in quotes"),
            ("did not find expected ',' or ']'", "a list in [ ] is not closed"),
            ("did not find expected ',' or '}'", "a mapping in { } is not closed"),
            (
                "found unknown escape character",
                "inside double quotes a backslash begins an escape: write '\\\\' for one"
            ),
            (
                "block sequence entries are not allowed",
                "a '- ' item begins its own line, under a key that ends with ':'"
            ),
            ("did not find expected node content", "a value is missing here"),
        ]
        return known.first { problem.contains($0.problem) }?.advice
            ?? "the YAML rules are in TRAINERS.md, under 'YAML rules the loader enforces'"
    }

    /// libyaml reports a truncated UTF-8 sequence at the byte after its lead byte; the
    /// trainer needs the lead byte, where the broken character begins.
    private func startOfSequence(around offset: Int) -> Int {
        for back in 1...3 where offset - back >= 0 && offset - back < bytes.count {
            let byte = bytes[offset - back]
            if byte < 0x80 { break }
            guard byte & 0xC0 == 0xC0 else { continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            return length > back ? offset - back : offset
        }
        return offset
    }

    /// The length of the line break at `index`, or 0. These are libyaml's line breaks, so
    /// that places worked out here agree with the lines libyaml reports: LF, CR LF, CR, and
    /// NEL, LS and PS.
    // FIXME: libyaml, reading YAML 1.1, counts NEL (U+0085), LS (U+2028) and PS (U+2029) as
    // line breaks, which editors do not: in a file that holds one, every place after it is
    // a line further down than the trainer's editor shows. Finding them as the file is read
    // would let the places be put right.
    private static func lineBreak(in bytes: [UInt8], at index: Int) -> Int {
        func byte(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return byte(1) == 0x0A ? 2 : 1
        case 0xC2 where byte(1) == 0x85: return 2
        case 0xE2 where byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9): return 3
        default: return 0
        }
    }

    /// The line and column of a byte offset, counting characters, not bytes, for the column.
    private func locationOfByte(_ offset: Int) -> SourceLocation {
        let bytes = self.bytes
        var line = 1
        var column = 1
        var index = 0
        while index < min(offset, bytes.count) {
            let breakLength = Self.lineBreak(in: bytes, at: index)
            if breakLength > 0 {
                line += 1
                column = 1
                index += breakLength
                continue
            }
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return location(line: line, column: column)
    }

    /// The character a location points at, to explain libyaml's errors.
    private func character(at location: SourceLocation) -> Character? {
        let bytes = self.bytes
        var line = 1
        var index = 0
        while line < location.line && index < bytes.count {
            let breakLength = Self.lineBreak(in: bytes, at: index)
            if breakLength > 0 { line += 1 }
            index += max(1, breakLength)
        }
        var end = index
        while end < bytes.count && Self.lineBreak(in: bytes, at: end) == 0 { end += 1 }

        let scalars = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars
        let column = location.column - 1
        guard column >= 0, column < scalars.count else { return nil }
        return Character(scalars[scalars.index(scalars.startIndex, offsetBy: column)])
    }
}
