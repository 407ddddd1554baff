import Foundation
import TicketTrainerStorage

/// Who is practising, and where their results are kept.
enum Trainee {
    /// `--trainee`, else the login name.
    static func name(_ options: Options) -> String {
        if let name = options.trainee { return name }
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "trainee"
    }

    /// `--data-dir`, else `TICKET_TRAINER_DATA_DIR`, else `$XDG_DATA_HOME/ticket-trainer`
    /// (by default `~/.local/share/ticket-trainer`).
    static func dataFolder(_ options: Options) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let folder = options.dataDirectory { return folder }
        if let folder = environment["TICKET_TRAINER_DATA_DIR"], !folder.isEmpty { return folder }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/ticket-trainer"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/ticket-trainer"
    }

    /// Opens the results database, creating its folder; nil after saying what is wrong.
    static func openStore(_ options: Options) -> ResultsStore? {
        guard let folder = dataFolder(options) else {
            Diagnostics.fail(
                "no place to keep results: HOME is not set", note: "pass --data-dir DIR")
            return nil
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            Diagnostics.fail(
                "cannot create the results folder '\(folder)'", note: "pass --data-dir DIR")
            return nil
        }
        do {
            return try ResultsStore(path: folder + "/results.sqlite3")
        } catch {
            Diagnostics.fail(error.description)
            return nil
        }
    }
}
