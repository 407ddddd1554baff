import TicketTrainerFormats
import TicketTrainerTerminal

extension Course {
    /// Whether the files given with `--lesson` are lessons and those given with
    /// `--scenarios` are scenario files; when not, says so. Swapped, they would surface
    /// only as a puzzling finding (a lesson defined twice, no lesson loaded), or not at all.
    func filesMatchTheirOptions(lessonPaths: [String], scenarioPaths: [String]) -> Bool {
        if let lesson = lessonFiles.first(where: { Self.file($0, isUnder: scenarioPaths) }) {
            Diagnostics.fail(
                "'\(SafeText.visible(lesson))' is a lesson file, given with --scenarios",
                note: "pass it with --lesson, and the tickets' file with --scenarios")
            return false
        }
        if let other = scenarioFiles.first(where: { Self.file($0, isUnder: lessonPaths) }) {
            Diagnostics.fail(
                "'\(SafeText.visible(other))' is a scenario file, given with --lesson",
                note: "pass it with --scenarios, and the lesson's file with --lesson")
            return false
        }
        return true
    }

    /// Whether a loaded file is one of `paths`, or inside one of them that is a folder.
    static func file(_ file: String, isUnder paths: [String]) -> Bool {
        paths.contains { file == $0 || file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
}
