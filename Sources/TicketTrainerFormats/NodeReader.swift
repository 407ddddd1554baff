import TicketTrainerCore

/// Reads typed values out of `YAMLNode`s, collecting a diagnostic for every fault
/// instead of stopping at the first, so a trainer sees them all in one run.
struct NodeReader {
    var diagnostics: [Diagnostic] = []

    mutating func error(at location: SourceLocation, _ message: String, note: String? = nil) {
        diagnostics.append(.error(at: location, message, note: note))
    }

    /// The entries of a mapping, after checking its keys: an unknown key or a missing
    /// required one is reported, with the nearest known key suggested.
    mutating func mapping(
        _ node: YAMLNode, _ what: @autoclosure () -> String, required: [String],
        optional: [String] = []
    ) -> NodeEntries? {
        guard case .mapping(let entries) = node.content else {
            error(at: node.location, "\(what()) should be a mapping, not \(node.kindName)")
            return nil
        }
        var values = NodeEntries()
        for (key, value) in entries {
            guard case .scalar(let name, _) = key.content else { continue }
            guard required.contains(name) || optional.contains(name) else {
                error(
                    at: key.location, "unknown key '\(name)' in \(what())",
                    note: Self.suggestion(for: name, among: required + optional))
                continue
            }
            values.entries.append((name, value))
        }
        for name in required where values[name] == nil {
            error(at: node.location, "\(what()) is missing '\(name)'")
        }
        return values
    }

    mutating func list(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.content else {
            error(at: node.location, "\(what()) should be a list, not \(node.kindName)")
            return nil
        }
        return items
    }

    /// A text value; numbers and booleans written plainly are taken as their text.
    ///
    /// Names, ids and labels (`freeText` false) are one line of printable text: they are
    /// shown in menus and prompts, so a control character in them is refused here rather
    /// than reach the trainee's terminal. Tickets and explanations (`freeText` true) may
    /// hold anything; they are made visible when shown.
    mutating func text(
        _ node: YAMLNode, _ what: @autoclosure () -> String, freeText: Bool = false
    ) -> String? {
        guard case .scalar(let text, _) = node.content else {
            error(at: node.location, "\(what()) should be text, not \(node.kindName)")
            return nil
        }
        guard !text.isEmpty else {
            error(at: node.location, "\(what()) is empty")
            return nil
        }
        if !freeText, let control = text.unicodeScalars.first(where: Self.isControl) {
            let hex = String(control.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            error(
                at: node.location,
                "\(what()) holds a control character (U+\(code))",
                note: "names, ids and labels are plain text on one line")
            return nil
        }
        return text
    }

    /// Characters that would steer a terminal or reorder text instead of being shown.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A boolean: `true`/`false`, and YAML 1.1's `yes`/`no`/`on`/`off`, unquoted.
    mutating func boolean(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Bool? {
        if case .scalar(let text, false) = node.content {
            // Nearly every file writes these in lower case; only the rest is lowered.
            switch text == "true" || text == "false" ? text : text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error(
            at: node.location, "\(what()) should be true or false, not \(node.kindName)",
            note: quotedNote(node))
        return nil
    }

    /// A whole number in a range, written in decimal (`010` is ten).
    mutating func integer(
        _ node: YAMLNode, _ what: @autoclosure () -> String, in range: ClosedRange<Int>
    ) -> Int? {
        if case .scalar(let text, false) = node.content,
            text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text),
            range.contains(number)
        {
            return number
        }
        error(
            at: node.location,
            "\(what()) should be a whole number from \(range.lowerBound) to \(range.upperBound), "
                + "not \(node.kindName)",
            note: quotedNote(node))
        return nil
    }

    /// Text in both languages: a mapping with `ro` and `en`, or one text for both.
    mutating func localized(
        _ node: YAMLNode, _ what: @autoclosure () -> String, freeText: Bool = false
    ) -> LocalizedText? {
        if case .scalar = node.content {
            return text(node, what(), freeText: freeText).map { LocalizedText($0) }
        }
        guard let entries = mapping(node, what(), required: ["ro", "en"]),
            let romanian = entries["ro"].flatMap({
                text($0, "\(what()) in Romanian", freeText: freeText)
            }),
            let english = entries["en"].flatMap({
                text($0, "\(what()) in English", freeText: freeText)
            })
        else { return nil }
        return LocalizedText(romanian: romanian, english: english)
    }

    /// A list of words, or a single word standing for a list of one.
    mutating func words(
        _ node: YAMLNode, _ what: @autoclosure () -> String
    ) -> [(String, SourceLocation)]? {
        if case .scalar = node.content {
            return text(node, what()).map { [($0, node.location)] }
        }
        guard let items = list(node, what()) else { return nil }
        return items.compactMap { item in text(item, what()).map { ($0, item.location) } }
    }

    private func quotedNote(_ node: YAMLNode) -> String? {
        guard case .scalar(_, true) = node.content else { return nil }
        // Block scalars (`|`, `>`) count as quoted: they are text too.
        return "remove the quotes, or the '|' or '>', and write it plainly"
    }

    /// "did you mean 'x'?" for a near miss, else the list of what is allowed.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        if let closest = NearMiss.closest(to: word, among: candidates) {
            return "did you mean '\(closest)'?"
        }
        return "expected one of: " + candidates.map { "'\($0)'" }.joined(separator: ", ")
    }
}

/// A mapping's entries by key, in file order. Mappings in these files hold a handful of
/// keys, so they are found by looking along the list rather than by hashing.
struct NodeEntries {
    var entries: [(name: String, value: YAMLNode)] = []

    subscript(name: String) -> YAMLNode? {
        entries.first { $0.name == name }?.value
    }
}
