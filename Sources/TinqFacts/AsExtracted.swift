/// `AsExtracted` keeps what the corpus-wide steps changed in a corpus's articles, as each was
/// before them: the id an article had before it was made unique, its citations before short
/// references were resolved across the corpus, and the name candidates that only the corpus could
/// confirm. With it, a snapshot can take in new files and run those steps again over old and new
/// articles together (`tinq build --update`), and give what a load of every file would give.
/// Articles the steps cannot change have no entry.
package struct AsExtracted: Sendable, Equatable {
  /// What one article had before the corpus-wide steps.
  package struct Entry: Sendable, Equatable {
    /// The id before it was made unique (`ID~2`), when it was renamed.
    package var id: String?
    /// The citations before resolution, when some were short references (partial).
    package var citations: [Citation]?
    /// The names that another article of the corpus may confirm as people.
    package var candidates: [PersonMention]

    package init(id: String? = nil, citations: [Citation]? = nil, candidates: [PersonMention] = []) {
      self.id = id
      self.citations = citations
      self.candidates = candidates
    }
  }

  /// The entries, by article ordinal.
  package var entries: [Int: Entry]

  package init(entries: [Int: Entry] = [:]) { self.entries = entries }
}
