import CSQLite
import Foundation

/// A fault from SQLite, or a database this program must not touch.
public enum StorageError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// Not a ticket-trainer database, or damaged; it is left exactly as it is.
    case notADatabase(path: String, reason: String)
    /// Written by a newer ticket-trainer; it is left exactly as it is.
    case newerSchema(path: String, version: Int, supported: Int)
    case failed(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the results database '\(path)': \(reason)"
        case .notADatabase(let path, let reason):
            "'\(path)' is not a ticket-trainer results database or is damaged (\(reason)); "
                + "it was left untouched: move it away or pass another --data-dir"
        case .newerSchema(let path, let version, let supported):
            "'\(path)' was written by a newer ticket-trainer (schema \(version), this one "
                + "knows up to \(supported)); it was left untouched: upgrade ticket-trainer"
        case .failed(let message):
            "the results database failed: \(message)"
        }
    }
}

/// One connection to an SQLite file. This is the only file that sees SQLite: it owns the
/// handle, checks every return code and turns failures into `StorageError`.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    let path: String

    /// Opens (creating if needed) the file, in WAL mode with a busy timeout so that two
    /// ticket-trainer processes can share it.
    init(path: String) throws(StorageError) {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw .cannotOpen(path: path, reason: reason)
        }
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs statements that return no rows. `patiently` retries for up to ten seconds
    /// while another connection holds the lock, for the statements SQLite's busy timeout
    /// does not cover (changing the journal mode).
    func execute(_ sql: String, patiently: Bool = false) throws(StorageError) {
        var message: UnsafeMutablePointer<CChar>?
        var status = sqlite3_exec(handle, sql, nil, nil, &message)
        var waited = 0
        while patiently && (status == SQLITE_BUSY || status == SQLITE_LOCKED) && waited < 10_000 {
            sqlite3_free(message)
            message = nil
            usleep(20_000)
            waited += 20
            status = sqlite3_exec(handle, sql, nil, nil, &message)
        }
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "error \(status)"
            sqlite3_free(message)
            if status == SQLITE_NOTADB || status == SQLITE_CORRUPT {
                throw .notADatabase(path: path, reason: text)
            }
            throw .failed(text)
        }
    }

    /// Runs one statement with values bound to its `?` in order, and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws(StorageError) -> [[SQLValue]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw classify(sqlite3_errcode(handle))
        }
        defer { sqlite3_finalize(statement) }

        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, position)
            case .integer(let number): status = sqlite3_bind_int64(statement, position, number)
            case .real(let number): status = sqlite3_bind_double(statement, position, number)
            case .text(let text):
                // SQLITE_TRANSIENT: SQLite copies the text before this call returns.
                status = sqlite3_bind_text(
                    statement, position, text, -1,
                    unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
            guard status == SQLITE_OK else { throw classify(status) }
        }

        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw classify(status) }
            rows.append((0..<sqlite3_column_count(statement)).map { column(statement, $0) })
        }
    }

    /// Runs `body` in one transaction: all of it is written, or none.
    @discardableResult
    func transaction<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(handle) }

    private func column(_ statement: OpaquePointer?, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: .real(sqlite3_column_double(statement, index))
        case SQLITE_NULL: .null
        default: .text(String(cString: sqlite3_column_text(statement, index)))
        }
    }

    private func classify(_ status: Int32) -> StorageError {
        let message = String(cString: sqlite3_errmsg(handle))
        if status == SQLITE_NOTADB || status == SQLITE_CORRUPT {
            return .notADatabase(path: path, reason: message)
        }
        return .failed(message)
    }
}

/// A value going into or coming out of SQLite.
enum SQLValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    var real: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
