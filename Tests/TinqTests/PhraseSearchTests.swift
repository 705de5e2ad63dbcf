import Testing
import TinqText

@testable import TinqCorpus

/// The phrase search over several segments: split across workers or not, it finds exactly the
/// articles a plain scan of the text finds.
@Suite struct PhraseSearchTests {
  static let store = ArticleStore(articles: RandomCorpus.make(count: 3300, seed: 11))

  /// The articles whose title or body holds `phrase`, by matching their text row by row.
  static func scanned(_ phrase: Phrase, scope: TextScope) -> [Int] {
    (0..<store.count).filter { i in
      let article = store.article(i)
      let inTitle = phrase.matches(article.title ?? "")
      switch scope {
      case .title: return inTitle
      case .body: return phrase.matches(article.body)
      case .titleOrBody: return inTitle || phrase.matches(article.body)
      }
    }
  }

  @Test(arguments: [
    ("an ninh", TextScope.titleOrBody), ("ma tuy", .titleOrBody), ("ma túy", .body), ("hoà bình", .titleOrBody),
    ("quốc gia", .title), ("phối hợp lực", .titleOrBody), ("Đảng ủy", .body), ("an", .titleOrBody),
    ("an an an", .titleOrBody), ("ma tuy", .title),
  ])
  func workersAgree(phrase text: String, scope: TextScope) {
    let phrase = Phrase(text)
    let index = Self.store.fullText
    let expected = Self.scanned(phrase, scope: scope)
    #expect(!expected.isEmpty, "the corpus should hold \(text)")
    for workers in [1, 2, 3] {
      let found = index.documents(containing: phrase, scope: scope, within: nil, workers: workers)
      #expect(found.members == expected, "\(text) on \(workers) workers")
    }
    let within = DocSet(universe: Self.store.count, members: stride(from: 0, to: Self.store.count, by: 3))
    let inside = index.documents(containing: phrase, scope: scope, within: within, workers: 2)
    #expect(inside.members == expected.filter { $0 % 3 == 0 })
  }
}
