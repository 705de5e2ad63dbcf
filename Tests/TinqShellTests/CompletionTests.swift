import Testing
import Tinq
import TinqShell

/// Completion decided from the text before the cursor, without a terminal.
@Suite struct CompletionTests {
  static let corpus = Corpus(articles: [
    Article(
      id: "004_adcf2f97b390286b", body: "",
      citations: [Citation(type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019)],
      people: [PersonMention(name: "Nguyễn Tân Cương"), PersonMention(name: "Nguyễn Trọng Nghĩa")],
      organizations: [OrganizationMention(name: "Bộ Công an", abbreviation: "BCA")]),
    Article(
      id: "001_0ef710d98552a17e", body: "",
      citations: [Citation(type: "Nghị định", number: "77/2010/NĐ-CP", issuer: "CP", year: 2010)]),
  ])
  var vocabulary: CompletionVocabulary { CompletionTests.corpus.completionVocabulary }

  @Test(arguments: [
    ("art", ["articles"]),
    ("cou", ["count"]),
    (".mo", [".mode"]),
    ("articles wh", ["where"]),
    ("count articles ", ["where", "by", "distinct"]),
    ("articles order ", ["by"]),
    ("articles where ye", ["year"]),
    ("articles where year ", ["=", "!=", "<", "<=", ">", ">=", "between", "in", "is", "contains", "not"]),
    ("articles where year = 2020 ", ["and", "or", "order", "limit", "offset", "select"]),
    ("articles where year = 2020 and ci", ["cites", "citations"]),
    ("articles order by ti", ["title"]),
    ("articles select id, ti", ["title"]),
    ("people where ra", ["ranks"]),
    ("count people by pos", ["positions"]),
    ("articles where not me", ["mentions"]),
    // What parses next, as the parser decides it.
    ("articles limit 5 ", ["offset", "select"]),
    ("articles where year is ", ["null", "not"]),
    ("articles order by title ", ["asc", "desc", "limit", "offset", "select"]),
    ("articles where year not ", ["between", "in"]),
    ("let ", []),
    ("articles select id; cou", ["count"]),
    ("count articles where year = 2020 ", ["and", "or", "by", "distinct"]),
    ("articles where month ", ["=", "!=", "<", "<=", ">", ">=", "between", "in", "is", "contains", "not"]),
    ("people where ", ["name", "ranks", "positions", "articles", "not"]),
    // Concordances, proximity and relevance.
    ("kw", ["kwic"]),
    ("kwic ", ["cites", "mentions", "contains"]),
    ("kwic \"an ninh\" ", ["where", "context", "sort", "order", "sample", "limit", "offset"]),
    ("kwic \"an ninh\" sort by ", ["right", "left", "date", "id"]),
    ("kwic \"an ninh\" sample 5 ", ["seed", "limit", "offset"]),
    ("keyw", ["keywords"]),
    ("keywords ", ["where", "people", "organizations", "citations"]),
    ("keywords where year = 2021 ", ["and", "or", "vs"]),
    ("keywords where year = 2021 vs ", ["where", "rest", "all"]),
    ("keywords where year = 2021 vs rest ", ["by", "limit", "offset"]),
    ("articles where contains \"ma túy\" ", ["and", "or", "order", "limit", "offset", "select", "near"]),
    ("articles where contains \"ma túy\" near \"bắt\" within ", ["sentence", "paragraph"]),
    ("articles where contains \"a\" order by rel", ["relevance"]),
    ("articles where contains \"a\" select id, sn", ["snippet"]),
    // Stories.
    ("sto", ["stories"]),
    ("stories where co", ["copies"]),
    ("count articles by month ", ["as", "order", "distinct", "limit", "offset"]),
    ("count articles by month dis", ["distinct"]),
    ("count articles by month distinct st", ["story"]),
    ("articles select id, sto", ["story"]),
  ])
  func keywordsAndFields(prefix: String, expected: [String]) {
    let result = Completer.complete(prefix: prefix, vocabulary: vocabulary)
    #expect(result.candidates == expected)
    #expect(!result.insideString)
  }

  @Test func statementStartOffersCollectionsStatementsAndMetaCommands() {
    let result = Completer.complete(prefix: "", vocabulary: vocabulary)
    for word in ["articles", "citations", "people", "organizations", "count", "kwic", "show", "explain", "let", ".help"] {
      #expect(result.candidates.contains(word), "\(word)")
    }
  }

  /// Every word offered parses where it is offered: the statement with it either parses or only
  /// needs more input.
  @Test(arguments: ["", "articles ", "articles where ", "articles where year ", "count articles ", "explain ",
    "articles where (year = 1 ", "articles order by date ", "citations where type ", "count people by ", "kwic \"a\" ",
    "articles where contains \"a\" near \"b\" "])
  func everyOfferedWordParses(prefix: String) {
    let result = Completer.complete(prefix: prefix, vocabulary: vocabulary)
    #expect(!result.candidates.isEmpty)
    for word in result.candidates where !word.hasPrefix(".") && !word.hasPrefix("\"") {
      let text = prefix + word
      let parses = (try? Parser.parseStatement(text)) != nil || Parser.isIncomplete(text)
      #expect(parses, "\(text)")
    }
  }

  @Test func fieldsFollowTheCollection() {
    let result = Completer.complete(prefix: "citations where ", vocabulary: vocabulary)
    #expect(result.candidates.contains("issuer"))
    #expect(!result.candidates.contains("mentions"))
  }

  @Test(arguments: [
    ("articles where mentions \"nguyen tan c", "nguyen tan c", ["Nguyễn Tân Cương"], "Nguyễn Tân Cương\""),
    ("articles where cites \"03/", "03/", ["03/2019/NĐ-CP"], "03/2019/NĐ-CP\""),
    ("articles where cites \"77/2010/nd", "77/2010/nd", ["77/2010/NĐ-CP"], "77/2010/NĐ-CP\""),
    ("show \"004", "004", ["004_adcf2f97b390286b"], "004_adcf2f97b390286b\""),
    ("articles where mentions \"nguyen t", "nguyen t", ["Nguyễn Tân Cương", "Nguyễn Trọng Nghĩa"], "Nguyễn T"),
    ("articles where mentions \"bc", "bc", ["BCA"], "BCA\""),
    ("articles where title contains \"ng", "ng", [], "ng"),
  ])
  func insideStringsByFoldedPrefix(prefix: String, word: String, expected: [String], insertion: String) {
    let result = Completer.complete(prefix: prefix, vocabulary: vocabulary)
    #expect(result.insideString)
    #expect(result.word == word)
    #expect(result.candidates == expected)
    #expect(result.insertion == insertion)
  }

  @Test func commonPrefixNeverDropsWhatWasTyped() {
    let result = CompletionResult(word: "nguyen tan", candidates: ["Nguyễn Tân Cương", "Nguyễn Tấn Dũng"], insideString: true)
    #expect(result.insertion == "nguyen tan")
  }

  @Test func aClosedStringIsNotCompletedInside() {
    #expect(!Completer.isInsideString("articles where cites \"03/2019/NĐ-CP\" "))
    #expect(Completer.isInsideString("articles where cites \"03/2019/NĐ-CP\" or cites \"7"))
  }
}
