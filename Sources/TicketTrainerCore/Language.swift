/// A language the trainer speaks: the lesson's own Romanian, or English.
public enum Language: String, CaseIterable, Sendable {
    case romanian = "ro"
    case english = "en"

    /// The language a locale string such as `ro_RO.UTF-8` asks for, if it is one of ours.
    public init?(locale: String) {
        let code = locale.prefix(2).lowercased()
        guard let language = Language(rawValue: code) else { return nil }
        self = language
    }
}

/// A piece of lesson text written in both languages.
public struct LocalizedText: Hashable, Sendable {
    public var romanian: String
    public var english: String

    public init(romanian: String, english: String) {
        self.romanian = romanian
        self.english = english
    }

    /// The same text for both languages, for files that give only one.
    public init(_ text: String) {
        self.init(romanian: text, english: text)
    }

    public subscript(language: Language) -> String {
        switch language {
        case .romanian: romanian
        case .english: english
        }
    }
}
