import TicketTrainerCore

/// Builds `YAMLNode`s from parser events, reporting keys given twice and keys that are not
/// plain text. The parser enforces the limits and refuses aliases before events come here.
struct YAMLTreeBuilder {
    let file: String
    private(set) var stack: [Builder] = []
    private(set) var root: YAMLNode?
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// A list or mapping being filled, with the key waiting for its value.
    struct Builder {
        var location: SourceLocation
        var isMapping: Bool
        var items: [YAMLNode] = []
        var entries: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?
        /// The keys given so far, with their lines.
        var keys = KeyRecord()
    }

    /// The keys of one mapping, with the line each was given on. Searched in place while
    /// few, as nearly every mapping in a lesson or scenario is; hashed once there are many,
    /// so a hostile mapping with a million keys costs no more than linear time.
    struct KeyRecord {
        private var few: [(name: String, line: Int)] = []
        private var many: [String: Int]?

        func line(of name: String) -> Int? {
            if let many { return many[name] }
            return few.first { $0.name == name }?.line
        }

        mutating func insert(_ name: String, line: Int) {
            if many != nil {
                many?[name] = line
                return
            }
            if few.isEmpty { few.reserveCapacity(8) }
            few.append((name, line))
            if few.count > 16 {
                many = Dictionary(few.map { ($0.name, $0.line) }) { first, _ in first }
                few = []
            }
        }
    }

    /// How deep the value being built is nested.
    var depth: Int { stack.count }

    /// The top-level key whose value comes next, if that key is new; with the top-level
    /// entries read before it.
    var topLevelKeyAwaitingValue: (name: String, entries: [(key: YAMLNode, value: YAMLNode)])? {
        guard stack.count == 1, stack[0].isMapping, let key = stack[0].pendingKey,
            case .scalar(let name, _) = key.content, !name.isEmpty,
            stack[0].keys.line(of: name) == nil
        else { return nil }
        return (name, stack[0].entries)
    }

    /// Applies one event other than a document start or an alias, which are the parser's.
    mutating func apply(_ event: YAMLEvent, text: [UInt8]) {
        let at = SourceLocation(file: file, line: Int(event.line), column: Int(event.column))
        switch event.kind {
        case .scalar:
            let value = String(decoding: text[event.textRange], as: UTF8.self)
            add(YAMLNode(.scalar(value, quoted: event.quoted), at: at))
        case .sequenceStart, .mappingStart:
            var builder = Builder(location: at, isMapping: event.kind == .mappingStart)
            // Room for a typical mapping at once, rather than growing it pair by pair.
            if builder.isMapping { builder.entries.reserveCapacity(8) }
            stack.append(builder)
        case .sequenceEnd, .mappingEnd:
            let finished = stack.removeLast()
            let content: YAMLNode.Content =
                finished.isMapping ? .mapping(finished.entries) : .sequence(finished.items)
            add(YAMLNode(content, at: finished.location))
        case .documentStart, .alias:
            break
        }
    }

    /// Puts a finished value where it belongs: the document root, a list, or a mapping.
    private mutating func add(_ node: YAMLNode) {
        guard !stack.isEmpty else {
            root = node
            return
        }

        // The parent is changed where it lies in the stack, never copied out and back.
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            // A key that cannot be used leaves an empty name waiting, and its value is dropped.
            guard case .scalar(let name, _) = node.content else {
                fail(at: node.location, "a key must be a plain word, not \(node.kindName)")
                stack[top].pendingKey = YAMLNode(.scalar("", quoted: false), at: node.location)
                return
            }
            guard !name.isEmpty else {
                fail(at: node.location, "an empty key", note: "write the key's name before ':'")
                stack[top].pendingKey = node
                return
            }
            if let first = stack[top].keys.line(of: name) {
                fail(
                    at: node.location, "duplicate key '\(name)'",
                    note: "'\(name)' is already given at line \(first); keep one of them")
            }
            stack[top].pendingKey = node
            return
        }

        stack[top].pendingKey = nil
        guard case .scalar(let name, _) = key.content, !name.isEmpty else { return }
        if stack[top].keys.line(of: name) == nil {
            stack[top].keys.insert(name, line: key.location.line)
            stack[top].entries.append((key: key, value: node))
        }
    }

    private mutating func fail(
        at location: SourceLocation, _ message: String, note: String? = nil
    ) {
        diagnostics.append(.error(at: location, message, note: note))
    }
}
