import Foundation
import Synchronization

/// Standard output and error, written straight to their file descriptors so that text
/// from the program and from libedit never overtake each other in a buffer.
public struct Console: Sendable {
    public let descriptor: Int32

    public static let output = Console(descriptor: STDOUT_FILENO)
    public static let error = Console(descriptor: STDERR_FILENO)

    /// The `errno` of the first write to standard output that failed, or 0: a report sent
    /// to a full disk must not end with a status that says all went well.
    private static let outputFailure = Atomic<Int32>(0)

    /// Why writing to standard output failed, if it did.
    public static var outputFailureReason: String? {
        let code = outputFailure.load(ordering: .relaxed)
        return code == 0 ? nil : String(cString: strerror(code))
    }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if descriptor == STDOUT_FILENO {
                    _ = Self.outputFailure.compareExchange(
                        expected: 0, desired: code, ordering: .relaxed)
                }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }

    public func line(_ text: String = "") { write(text + "\n") }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(descriptor) == 1 }

    /// The terminal's width in columns, or nil when it is not a terminal.
    public var columns: Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
