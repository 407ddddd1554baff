import CYAML
import TicketTrainerCore

/// Reads one YAML document into `YAMLNode`s with libyaml's event parser.
///
/// This is the only file that sees libyaml. It owns the parser handle, turns every libyaml
/// error into a `Diagnostic` with a 1-based line and column, and enforces `YAMLLimits`.
/// Aliases are refused outright rather than expanded, so no file can multiply itself.
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

    /// Parses the bytes of a file named `file` (the name only appears in diagnostics).
    public func parse(_ bytes: [UInt8], file: String) -> Result {
        var session = ParseSession(bytes: bytes, file: file, limits: limits)
        return session.run()
    }
}

/// One run of the parser over one file.
private struct ParseSession {
    let bytes: [UInt8]
    let file: String
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    var stack: [Builder] = []
    var root: YAMLNode?
    var documents = 0

    init(bytes: [UInt8], file: String, limits: YAMLLimits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
    }

    /// A list or mapping being filled, with the key waiting for its value.
    struct Builder {
        var location: SourceLocation
        var isMapping: Bool
        var items: [YAMLNode] = []
        var entries: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?
        var seenKeys: [String: SourceLocation] = [:]
    }

    mutating func run() -> ParseSession.Result {
        if bytes.count > limits.maximumFileSize {
            fail(
                at: location(line: 1, column: 1),
                "file is \(bytes.count) bytes, more than the \(limits.maximumFileSize) allowed",
                note: "split the scenarios over several files")
            return Result(root: nil, diagnostics: diagnostics)
        }

        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            fail(at: location(line: 1, column: 1), "the YAML parser could not start: out of memory")
            return Result(root: nil, diagnostics: diagnostics)
        }
        defer { yaml_parser_delete(&parser) }

        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            readEvents(with: &parser)
        }

        if root == nil && !diagnostics.containsErrors {
            fail(
                at: location(line: 1, column: 1), "file is empty",
                note: "it should begin with 'lesson:' and list its contents")
        }
        return Result(root: root, diagnostics: diagnostics)
    }

    typealias Result = YAMLParser.Result

    private mutating func readEvents(with parser: inout yaml_parser_t) {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                report(parser)
                return
            }
            defer { yaml_event_delete(&event) }

            let done = event.type == YAML_STREAM_END_EVENT
            guard handle(event) else { return }
            if done { return }
        }
    }

    /// Applies one event; false when parsing must stop.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        let at = location(of: event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(
                    at: at, "a second YAML document begins here",
                    note: "a file holds one lesson or one list of scenarios; remove the '---'")
                return false
            }
            return true

        case YAML_ALIAS_EVENT:
            fail(
                at: at, "aliases ('*name') are not allowed",
                note: "write the value out in full where it is needed")
            return false

        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = string(scalar.value, count: scalar.length)
            let quoted =
                scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_LITERAL_SCALAR_STYLE
                || scalar.style == YAML_FOLDED_SCALAR_STYLE
            add(YAMLNode(.scalar(text, quoted: quoted), at: at))
            return true

        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maximumDepth else {
                fail(
                    at: at, "lists and mappings nest more than \(limits.maximumDepth) deep",
                    note: "a lesson or scenario file needs only a few levels")
                return false
            }
            stack.append(Builder(location: at, isMapping: event.type == YAML_MAPPING_START_EVENT))
            return true

        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let finished = stack.removeLast()
            let content: YAMLNode.Content =
                finished.isMapping ? .mapping(finished.entries) : .sequence(finished.items)
            add(YAMLNode(content, at: finished.location))
            return true

        default:
            return true
        }
    }

    /// Puts a finished value where it belongs: the document root, a list, or a mapping.
    private mutating func add(_ node: YAMLNode) {
        guard var parent = stack.popLast() else {
            root = node
            return
        }
        defer { stack.append(parent) }

        guard parent.isMapping else {
            parent.items.append(node)
            return
        }
        guard let key = parent.pendingKey else {
            guard case .scalar(let name, _) = node.content else {
                fail(at: node.location, "a key must be a plain word, not \(node.kindName)")
                parent.pendingKey = YAMLNode(.scalar("", quoted: false), at: node.location)
                return
            }
            if let first = parent.seenKeys[name] {
                fail(
                    at: node.location, "duplicate key '\(name)'",
                    note: "'\(name)' is already given at line \(first.line); keep one of them")
            }
            parent.pendingKey = node
            return
        }

        parent.pendingKey = nil
        guard case .scalar(let name, _) = key.content, !name.isEmpty else { return }
        if parent.seenKeys[name] == nil {
            parent.seenKeys[name] = key.location
            parent.entries.append((key: key, value: node))
        }
    }

    // MARK: - Positions and errors

    private func location(of mark: yaml_mark_t) -> SourceLocation {
        location(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private mutating func fail(at location: SourceLocation, _ message: String, note: String? = nil)
    {
        diagnostics.append(.error(at: location, message, note: note))
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Turns libyaml's error into a diagnostic a trainer can act on.
    private mutating func report(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "the file cannot be read"

        if parser.error == YAML_READER_ERROR {
            let at = locationOfByte(startOfSequence(around: Int(parser.problem_offset)))
            if problem.contains("UTF-8") || problem.contains("octet") {
                fail(at: at, "invalid UTF-8 (\(problem))", note: "save the file as UTF-8")
            } else if problem.contains("control characters") {
                fail(
                    at: at, "a control character that YAML does not allow",
                    note: "remove it, or write it as an escape inside double quotes")
            } else {
                fail(at: at, problem)
            }
            return
        }

        let at = location(of: parser.problem_mark)
        if character(at: at) == "\t" {
            fail(at: at, "a tab used for indentation", note: "indent with spaces only")
            return
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextAt = location(of: parser.context_mark)
            message += " (\(context) at line \(contextAt.line), column \(contextAt.column))"
        }
        fail(at: at, message)
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

    /// The line and column of a byte offset, counting characters, not bytes, for the column.
    private func locationOfByte(_ offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return location(line: line, column: column)
    }

    /// The character a location points at, to explain libyaml's errors.
    private func character(at location: SourceLocation) -> Character? {
        var line = 1
        var start = 0
        while line < location.line, let newline = bytes[start...].firstIndex(of: 10) {
            start = newline + 1
            line += 1
        }
        let end = bytes[start...].firstIndex(of: 10) ?? bytes.endIndex
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let index = location.column - 1
        guard index >= 0, index < text.unicodeScalars.count else { return nil }
        let scalars = text.unicodeScalars
        return Character(scalars[scalars.index(scalars.startIndex, offsetBy: index)])
    }
}
