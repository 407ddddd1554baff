/// One libyaml parser event, copied out of libyaml into plain values that can cross from
/// the reading thread to the one building values.
struct YAMLEvent: Sendable {
    enum Kind: UInt8, Sendable {
        case documentStart, alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    var kind: Kind
    /// For a scalar: quoted or a block (`|`, `>`), so text even when it reads `true`.
    var quoted: Bool
    /// 1-based, where the event begins.
    var line: Int32
    var column: Int32
    /// For a scalar: where its UTF-8 text lies in the batch's `text`.
    var textStart: Int32
    var textCount: Int32
}

/// Events read in one go, with the text of their scalars side by side in one buffer, so a
/// batch crosses between threads as two arrays and not as thousands of strings.
struct YAMLEventBatch: Sendable {
    var events: [YAMLEvent] = []
    var text: [UInt8] = []
    /// Set on the last batch: how the reading ended.
    var end: YAMLReadEnd?
}

/// How reading a YAML stream ended.
enum YAMLReadEnd: Sendable {
    /// The stream ended normally, or the reader was told to stop.
    case finished
    /// The input could not be opened.
    case unreadable
    /// The parser could not be set up.
    case outOfMemory
    /// libyaml found a fault in the text.
    case failed(YAMLReadFailure)
}

/// libyaml's account of a fault, in its own terms; the parser turns it into a diagnostic.
struct YAMLReadFailure: Sendable {
    /// The input is not valid UTF-8 or holds characters YAML does not allow.
    var isReaderError: Bool
    var problem: String?
    /// For a reader error: the byte offset of the fault.
    var offset: Int
    /// For other errors: 1-based line and column of the fault.
    var line: Int
    var column: Int
    var context: String?
    var contextLine: Int
    var contextColumn: Int
}

extension YAMLEvent {
    var opensContainer: Bool { kind == .sequenceStart || kind == .mappingStart }
    var closesContainer: Bool { kind == .sequenceEnd || kind == .mappingEnd }

    /// Where a scalar's UTF-8 text lies in the text that came with it.
    var textRange: Range<Int> { Int(textStart)..<Int(textStart) + Int(textCount) }
}
