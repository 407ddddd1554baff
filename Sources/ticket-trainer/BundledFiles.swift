import Foundation

/// Where the lesson and scenarios that come with ticket-trainer are, from any directory.
enum BundledFiles {
    /// The folder holding `Lessons/` and `Scenarios/`: `TICKET_TRAINER_HOME` if set, else
    /// the nearest folder above the executable that has both (the checkout it was built in).
    static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> String?
    {
        if let home = environment["TICKET_TRAINER_HOME"], !home.isEmpty { return home }

        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while folder.path != "/" {
            if holdsLessons(folder.path) { return folder.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    private static func holdsLessons(_ folder: String) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: folder + "/Lessons")
            && manager.fileExists(atPath: folder + "/Scenarios")
    }
}

/// Where a trainee's own files go, following the XDG base directory specification.
enum TraineeFiles {
    /// `$XDG_STATE_HOME/ticket-trainer`, by default `~/.local/state/ticket-trainer`.
    static func stateFolder(
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> String?
    {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        let folder = base + "/ticket-trainer"
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
