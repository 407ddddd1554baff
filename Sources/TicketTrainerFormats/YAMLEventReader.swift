import CYAML
import Dispatch
import Foundation

/// Runs libyaml's event parser and hands its events over in batches.
///
/// This is the only file that sees libyaml. A large file is read on a thread of its own:
/// reading (libyaml's scanner) and building values from the events take comparable time,
/// so with a second core such a file is read in about the time of the slower of the two.
/// Only plain values cross between the threads (`YAMLEventBatch`), and at most a few
/// batches wait at a time, so a reader that runs ahead cannot pile the file up in memory.
/// A small file is read on the caller's thread, where starting a thread would cost more
/// than it saves.
final class YAMLEventReader {
    /// Where the reader reads from.
    enum Input: Sendable {
        case bytes([UInt8])
        case file(String)
    }

    /// Files at least this large are read on a thread of their own.
    static let concurrentReadingSize = 1 << 20

    /// Set when reading on the caller's thread.
    private let source: EventSource?
    /// Set when reading on a thread of its own.
    private let channel: BatchChannel?

    /// Opens the input; reading starts at once when it is done on its own thread.
    init(_ input: Input) {
        let source = EventSource(input)
        guard source.size >= Self.concurrentReadingSize else {
            self.source = source
            channel = nil
            return
        }

        let channel = BatchChannel()
        self.source = nil
        self.channel = channel
        DispatchQueue.global().async {
            while true {
                let batch = source.read()
                guard channel.send(batch) else {
                    // Stopped: a last batch ends the receiver's wait.
                    _ = channel.send(YAMLEventBatch(end: .finished))
                    return
                }
                if batch.end != nil { return }
            }
        }
    }

    /// The next batch; the one with `end` set is the last.
    func next() -> YAMLEventBatch {
        if let source { return source.read() }
        return channel?.receive() ?? YAMLEventBatch(end: .finished)
    }

    /// Tells the reader to stop before the end, and waits until it has let go of the input.
    func stop() {
        guard let channel else { return }
        channel.cancel()
        while next().end == nil {}
    }
}

/// libyaml's parser over one input, read a batch at a time by one thread at a time.
private final class EventSource: @unchecked Sendable {
    // `@unchecked`: the parser is used by one thread only, the reading one, and is freed
    // when the last batch has been read and the source let go.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private var bytes: UnsafeMutableBufferPointer<UInt8>?
    private var stream: UnsafeMutablePointer<FILE>?
    /// Set when the input could not be opened or the parser set up: the only batch.
    private var openingFault: YAMLReadEnd?
    private var parserReady = false
    private var ended = false
    /// The input's size in bytes, as far as it is known.
    private(set) var size = 0
    private static let eventsPerBatch = 4096

    init(_ input: YAMLEventReader.Input) {
        // libyaml keeps a pointer to the parser inside the parser: it lives on the heap.
        guard yaml_parser_initialize(parser) != 0 else {
            openingFault = .outOfMemory
            return
        }
        parserReady = true

        switch input {
        case .bytes(let given):
            // A copy that stays put for as long as libyaml reads from it.
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, given.count))
            _ = copy.initialize(from: given)
            bytes = copy
            size = given.count
            yaml_parser_set_input_string(parser, copy.baseAddress, given.count)
        case .file(let path):
            guard let opened = fopen(path, "rb") else {
                openingFault = .unreadable
                return
            }
            stream = opened
            var status = stat()
            if fstat(fileno(opened), &status) == 0 { size = Int(status.st_size) }
            yaml_parser_set_input_file(parser, opened)
        }
    }

    deinit {
        if parserReady { yaml_parser_delete(parser) }
        parser.deallocate()
        bytes?.deallocate()
        if let stream { fclose(stream) }
    }

    /// The next batch of events; after the one with `end` set, only empty finished ones.
    func read() -> YAMLEventBatch {
        if let openingFault {
            self.openingFault = nil
            ended = true
            return YAMLEventBatch(end: openingFault)
        }
        guard !ended else { return YAMLEventBatch(end: .finished) }

        var batch = YAMLEventBatch()
        batch.events.reserveCapacity(Self.eventsPerBatch)
        // A bank's scalars average about 25 bytes; room for that spares regrowing the text.
        batch.text.reserveCapacity(Self.eventsPerBatch * 32)
        var event = yaml_event_t()
        while batch.events.count < Self.eventsPerBatch {
            guard yaml_parser_parse(parser, &event) != 0 else {
                ended = true
                batch.end = .failed(failure())
                return batch
            }
            defer { yaml_event_delete(&event) }

            if event.type == YAML_STREAM_END_EVENT {
                ended = true
                batch.end = .finished
                return batch
            }
            append(event, to: &batch)
        }
        return batch
    }

    private func append(_ event: yaml_event_t, to batch: inout YAMLEventBatch) {
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

    private func failure() -> YAMLReadFailure {
        let parser = parser.pointee
        return YAMLReadFailure(
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

    /// Waits for room and queues a batch. Once the receiver has cancelled, only the last
    /// batch is queued, so the receiver's wait for it ends; for any other it returns false,
    /// and the sender should stop with a last batch.
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
