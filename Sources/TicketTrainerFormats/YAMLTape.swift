import TicketTrainerCore

#if canImport(Glibc)
    import Glibc
#endif

/// The events of one value with their text, as the parser read them: an item of a streamed
/// list, handed over whole before any `YAMLNode` is built for it.
struct YAMLTape: Sendable {
    var file: String
    var events: [YAMLEvent] = []
    var text: [UInt8] = []

    init(file: String) {
        self.file = file
    }

    /// Adds an event, copying its scalar's text out of the batch it came in.
    mutating func append(_ event: YAMLEvent, from batchText: [UInt8]) {
        var copy = event
        if event.kind == .scalar {
            copy.textStart = Int32(truncatingIfNeeded: text.count)
            text.append(contentsOf: batchText[event.textRange])
        }
        events.append(copy)
    }

    /// Empties the tape for the next item, keeping its room.
    mutating func clear() {
        events.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    /// A scalar's text.
    func string(_ event: YAMLEvent) -> String {
        String(decoding: bytes(event), as: UTF8.self)
    }

    /// A scalar's text, as bytes in the tape.
    func bytes(_ event: YAMLEvent) -> ArraySlice<UInt8> {
        text[event.textRange]
    }

    /// Whether a scalar's text is exactly these bytes; no string is made to find out.
    func scalar(_ event: YAMLEvent, is expected: [UInt8]) -> Bool {
        guard event.kind == .scalar, Int(event.textCount) == expected.count else { return false }
        guard !expected.isEmpty else { return true }
        return text.withUnsafeBufferPointer { text in
            expected.withUnsafeBufferPointer { expected in
                memcmp(
                    text.baseAddress! + Int(event.textStart), expected.baseAddress!,
                    expected.count) == 0
            }
        }
    }

    func location(of event: YAMLEvent) -> SourceLocation {
        SourceLocation(file: file, line: Int(event.line), column: Int(event.column))
    }

    /// The `YAMLNode` the tape holds, built as the parser would have built it, with any
    /// duplicate key it finds among `diagnostics`.
    func node(diagnostics: inout [Diagnostic]) -> YAMLNode? {
        var builder = YAMLTreeBuilder(file: file)
        for event in events {
            builder.apply(event, text: text)
        }
        diagnostics += builder.diagnostics
        return builder.root
    }
}
