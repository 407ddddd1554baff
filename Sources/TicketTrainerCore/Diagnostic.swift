/// One finding about a lesson or scenario file, in the form compilers use:
/// `FILE:LINE:COLUMN: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a finding is. Errors stop a file from being used; warnings do not.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// Lowercase, no trailing period; quotes the offending text.
    // FIXME: findings are in English only, even with --lang ro; the loader would need the
    // interface's Strings to word them in Romanian.
    public var message: String
    /// What would be right, when there is something useful to say.
    public var note: String?

    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String, note: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.note = note
    }

    public static func error(
        at location: SourceLocation, _ message: String, note: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, at: location, message, note: note)
    }

    public static func warning(
        at location: SourceLocation, _ message: String, note: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, at: location, message, note: note)
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let note { text += "\n\(location): note: \(note)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Whether any finding is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
