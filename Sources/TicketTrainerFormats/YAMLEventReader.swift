import CYAML
import Dispatch
import Foundation

/// Runs libyaml's event parser on a thread of its own and hands its events over in batches.
///
/// This is the only file that sees libyaml. Reading (libyaml's scanner) and building values
/// from the events take comparable time, so with a second core a large file is read in
/// about the time of the slower of the two. Only plain values cross between the threads
/// (`YAMLEventBatch`), and at most a few batches wait at a time, so a reader that runs
/// ahead cannot pile the file up in memory.
final class YAMLEventReader: Sendable {
    /// Where the reader reads from.
    enum Input: Sendable {
        case bytes([UInt8])
        case file(String)
    }

    private let channel = BatchChannel()
    private static let eventsPerBatch = 4096

    /// Starts reading at once.
    init(_ input: Input) {
        let channel = channel
        DispatchQueue.global().async {
            channel.send(Self.read(input, into: channel))
        }
    }

    /// The next batch; the one with `end` set is the last.
    func next() -> YAMLEventBatch {
        channel.receive()
    }

    /// Tells the reader to stop, and waits for its last batch so that it has let go of the
    /// input before the caller goes on.
    func stop() {
        channel.cancel()
        while next().end == nil {}
    }

    /// Reads the whole input, sending full batches on the way; returns the last one.
    private static func read(_ input: Input, into channel: BatchChannel) -> YAMLEventBatch {
        // libyaml keeps a pointer to the parser inside the parser, so it must not move.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            return YAMLEventBatch(end: .outOfMemory)
        }
        defer { yaml_parser_delete(parser) }

        switch input {
        case .bytes(let bytes):
            return bytes.withUnsafeBufferPointer { buffer in
                yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
                return readEvents(with: parser, into: channel)
            }
        case .file(let path):
            guard let stream = fopen(path, "rb") else { return YAMLEventBatch(end: .unreadable) }
            defer { fclose(stream) }
            yaml_parser_set_input_file(parser, stream)
            return readEvents(with: parser, into: channel)
        }
    }

    private static func readEvents(
        with parser: UnsafeMutablePointer<yaml_parser_t>, into channel: BatchChannel
    ) -> YAMLEventBatch {
        var batch = YAMLEventBatch()
        batch.events.reserveCapacity(eventsPerBatch)
        var event = yaml_event_t()

        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                batch.end = .failed(failure(of: parser.pointee))
                return batch
            }
            defer { yaml_event_delete(&event) }

            if event.type == YAML_STREAM_END_EVENT {
                batch.end = .finished
                return batch
            }
            append(event, to: &batch)

            if batch.events.count == eventsPerBatch {
                guard channel.send(batch) else { return YAMLEventBatch(end: .finished) }
                batch = YAMLEventBatch()
                batch.events.reserveCapacity(eventsPerBatch)
            }
        }
    }

    private static func append(_ event: yaml_event_t, to batch: inout YAMLEventBatch) {
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_ALIAS_EVENT: kind = .alias
        case YAML_SCALAR_EVENT: kind = .scalar
        case YAML_SEQUENCE_START_EVENT: kind = .sequenceStart
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT: kind = .mappingStart
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: return
        }

        var quoted = false
        let textStart = batch.text.count
        if kind == .scalar {
            let scalar = event.data.scalar
            if let value = scalar.value, scalar.length > 0 {
                batch.text.append(
                    contentsOf: UnsafeBufferPointer(start: value, count: scalar.length))
            }
            quoted =
                scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_LITERAL_SCALAR_STYLE
                || scalar.style == YAML_FOLDED_SCALAR_STYLE
        }
        batch.events.append(
            YAMLEvent(
                kind: kind, quoted: quoted,
                line: Int32(truncatingIfNeeded: event.start_mark.line + 1),
                column: Int32(truncatingIfNeeded: event.start_mark.column + 1),
                textStart: Int32(truncatingIfNeeded: textStart),
                textCount: Int32(truncatingIfNeeded: batch.text.count - textStart)))
    }

    private static func failure(of parser: yaml_parser_t) -> YAMLReadFailure {
        YAMLReadFailure(
            isReaderError: parser.error == YAML_READER_ERROR,
            problem: parser.problem.map { String(cString: $0) },
            offset: Int(parser.problem_offset),
            line: Int(parser.problem_mark.line) + 1,
            column: Int(parser.problem_mark.column) + 1,
            context: parser.context.map { String(cString: $0) },
            contextLine: Int(parser.context_mark.line) + 1,
            contextColumn: Int(parser.context_mark.column) + 1)
    }
}

/// Batches on their way from the reading thread, at most `capacity` at a time.
private final class BatchChannel: @unchecked Sendable {
    // `@unchecked`: `waiting` and `cancelled` are only touched with `lock` held.
    private let lock = NSLock()
    private var waiting: [YAMLEventBatch] = []
    private var cancelled = false
    private let filled = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore
    private let capacity = 4

    init() {
        room = DispatchSemaphore(value: capacity)
    }

    /// Waits for room and queues a batch; false once the receiver has cancelled, when the
    /// batch is dropped and the sender should stop.
    @discardableResult
    func send(_ batch: YAMLEventBatch) -> Bool {
        room.wait()
        let accepted = lock.withLock {
            guard !cancelled || batch.end != nil else { return false }
            waiting.append(batch)
            return true
        }
        if accepted { filled.signal() } else { room.signal() }
        return accepted
    }

    func receive() -> YAMLEventBatch {
        filled.wait()
        let batch = lock.withLock { waiting.removeFirst() }
        room.signal()
        return batch
    }

    func cancel() {
        lock.withLock { cancelled = true }
    }
}
