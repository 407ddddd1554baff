import TicketTrainerCore

/// A YAML value with the place it was written, as the loader hands it to the decoders.
public struct YAMLNode: Sendable {
    /// The three shapes a YAML value takes.
    public enum Content: Sendable {
        /// Text, and whether it was quoted (a quoted `"true"` is text, never a boolean).
        case scalar(String, quoted: Bool)
        case sequence([YAMLNode])
        /// Entries in file order; keys are always scalars.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// What a trainer would call this kind of value, for messages.
    public var kindName: String {
        switch content {
        case .scalar(let text, _): text.isEmpty ? "an empty value" : "the text \"\(text)\""
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
