import TicketTrainerCore
import TicketTrainerFormats

/// The names the bundled lessons give their fields, for showing results: the results keep
/// field ids (`priority`), and a trainee reading Romanian expects `Prioritate`.
struct FieldNames {
    /// By field id: the name in the interface's language, and the field's place in its
    /// lesson, so fields are listed in the order they are asked.
    private var known: [String: (name: String, place: Int)] = [:]

    /// The names from the bundled lessons, when the results are all on those lessons. A
    /// result on another lesson may use the same id for another field, so then every field
    /// shows its id.
    init(_ language: Language, forResultsOn lessonIDs: Set<String>) {
        guard let root = BundledFiles.root() else { return }
        let lessons = CourseLoader().load([root + "/Lessons"]).lessons
        guard lessonIDs.isSubset(of: Set(lessons.map(\.id))) else { return }
        for lesson in lessons where lessonIDs.contains(lesson.id) {
            for (place, field) in lesson.fields.enumerated() where known[field.id.rawValue] == nil {
                known[field.id.rawValue] = (field.name[language], place)
            }
        }
    }

    /// Field ids and the names to show for them.
    var byID: [String: String] { known.mapValues(\.name) }

    func name(of field: String) -> String { known[field]?.name ?? field }

    /// Orders field ids as their lesson asks them; unknown ones after, by id.
    func lessonOrder(_ lhs: String, _ rhs: String) -> Bool {
        (known[lhs]?.place ?? Int.max, lhs) < (known[rhs]?.place ?? Int.max, rhs)
    }
}
