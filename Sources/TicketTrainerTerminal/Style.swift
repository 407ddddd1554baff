import Foundation

/// How text is dressed: colour and symbols only where a person reads a terminal.
///
/// Colour needs standard output to be a terminal, `NO_COLOR` unset (https://no-color.org)
/// and `TERM` not `dumb`. Check marks need a UTF-8 locale.
public struct Style: Sendable {
    public var usesColor: Bool
    public var usesUnicode: Bool

    public init(usesColor: Bool, usesUnicode: Bool) {
        self.usesColor = usesColor
        self.usesUnicode = usesUnicode
    }

    /// The style for standard output in this environment.
    public static func detect(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        isTerminal: Bool = Console.output.isTerminal,
        utf8: Bool = Locale.isUTF8
    ) -> Style {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return Style(usesColor: isTerminal && !noColor && !dumb, usesUnicode: utf8)
    }

    public static let plain = Style(usesColor: false, usesUnicode: true)

    private func paint(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { paint(text, "1") }
    public func dim(_ text: String) -> String { paint(text, "2") }
    public func good(_ text: String) -> String { paint(text, "32") }
    public func bad(_ text: String) -> String { paint(text, "31") }
    public func accent(_ text: String) -> String { paint(text, "36") }
    public func warn(_ text: String) -> String { paint(text, "33") }

    public var rightMark: String { good(usesUnicode ? "✓" : "+") }
    public var wrongMark: String { bad(usesUnicode ? "✗" : "x") }

    /// A prompt for libedit: colour codes are bracketed with \1 so they take no width.
    /// libedit drops a code that ends the prompt, so the colour is reset before the
    /// prompt's closing space; a prompt without one stays plain rather than colour the
    /// answer typed after it.
    public func prompt(_ text: String) -> String {
        let body = text.reversed().drop { $0 == " " }.reversed()
        guard usesColor, body.count < text.count else { return text }
        let tail = String(repeating: " ", count: text.count - body.count)
        return "\u{1}\u{1B}[1;36m\u{1}" + String(body) + "\u{1}\u{1B}[0m\u{1}" + tail
    }
}

extension Locale {
    /// Whether the character set chosen by `LC_ALL`, `LC_CTYPE` or `LANG` is UTF-8.
    public static var isUTF8: Bool {
        let environment = ProcessInfo.processInfo.environment
        let chosen =
            ["LC_ALL", "LC_CTYPE", "LANG"].lazy
            .compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = chosen.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
