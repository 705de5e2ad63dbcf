// Statement-level productions: statement, query and its clauses, count, show, explain, let.

extension ParserState {
  static let statementStart =
    "a statement (a collection, `count`, `kwic`, `collocates`, `ngrams`, `keywords`, `show`, `explain`, `let` or `expect`)"
  static let statementWords =
    [Keyword.count, .kwic, .collocates, .ngrams, .keywords, .show, .explain, .let, .expect].map(\.rawValue) + CollectionKind.allCases.map(\.rawValue)

  /// statement -> query | count | show | explain | let
  mutating func parseStatement() throws(Diagnostic) -> Statement {
    expectName(.collection)
    switch current.kind {
    case .keyword(.count):
      if index + 1 < tokens.count, tokens[index + 1].kind == .keyword(.kwic) { return .kwic(try parseKwic()) }
      return .count(try parseCount())
    case .keyword(.kwic): return .kwic(try parseKwic())
    case .keyword(.collocates): return .collocates(try parseCollocates())
    case .keyword(.ngrams): return .ngrams(try parseNgrams())
    case .keyword(.keywords): return .keywords(try parseKeywords())
    case .keyword(.show): return .show(try parseShow())
    case .keyword(.explain): return .explain(try parseExplain())
    case .keyword(.let): return .letBinding(try parseLet())
    case .keyword(.expect): return .expect(try parseExpect())
    case .identifier: return .query(try parseQuery())
    case .keyword(let k) where k.isClauseWord:
      throw error(
        expected: Self.statementStart,
        notes: ["note: a query starts with the collection it ranges over, e.g. `articles \(k.rawValue) ...`"])
    default:
      throw error(expected: Self.statementStart, suggestFrom: Self.statementWords)
    }
  }

  /// collection -> "articles" | "citations" | "people" | "organizations"
  mutating func parseCollection(after context: String? = nil) throws(Diagnostic) -> CollectionRef {
    expectName(.collection)
    let token = current
    guard case .identifier(let name) = token.kind else {
      let what = context.map { "a collection after `\($0)`" } ?? "a collection"
      throw error(expected: what, notes: [Self.collectionsNote])
    }
    guard let kind = CollectionKind(rawValue: name.lowercased()) else {
      var notes = [Self.collectionsNote]
      if let near = Suggestions.nearest(to: name, in: CollectionKind.allCases.map(\.rawValue)) {
        notes.insert("help: did you mean `\(near)`?", at: 0)
      } else if let near = Suggestions.nearest(to: name, in: Self.statementWords) {
        notes.insert("help: did you mean `\(near)`?", at: 0)
      }
      if startsCondition(after: index) {
        notes.insert("help: a query starts with its collection, e.g. `articles where \(name.lowercased()) ...`", at: 0)
      }
      throw Diagnostic("unknown collection \(describe(token))", at: token.range, notes: notes)
    }
    advance()
    return CollectionRef(kind: kind, range: token.range)
  }

  /// True when the token after `index` reads as the rest of a condition (`year > 2020`): the
  /// name was a field, written where the collection belongs.
  func startsCondition(after index: Int) -> Bool {
    guard index + 1 < tokens.count else { return false }
    switch tokens[index + 1].kind {
    case .comparison, .keyword(.between), .keyword(.in), .keyword(.is), .keyword(.contains), .keyword(.not): return true
    default: return false
    }
  }

  static var collectionsNote: String {
    "note: the collections are " + CollectionKind.allCases.map(\.rawValue).joined(separator: ", ")
  }

  /// query -> collection [where_clause] [order_clause] [limit_clause] [select_clause]
  mutating func parseQuery() throws(Diagnostic) -> Query {
    let collection = try parseCollection()
    var query = Query(collection: collection, range: collection.range)
    var remaining: [Keyword] = [.where, .order, .limit, .select]
    var afterList = false
    if at(.where), !atStatementEnd {
      query.filter = try parseWhereClause()
      remaining = [.and, .or, .order, .limit, .select]
    }
    if at(.order), !atStatementEnd {
      query.order = try parseOrderClause()
      remaining = [.limit, .select]
      afterList = true
    }
    if at(.limit) || at(.offset), !atStatementEnd {
      let limit = try parseLimitClause()
      query.limit = limit
      remaining = Self.remaining(after: limit) + [.select]
      afterList = false
    }
    if at(.select), !atStatementEnd {
      query.select = try parseSelectClause()
      remaining = []
      afterList = true
    }
    try expectStatementEnd(couldContinueWith: remaining, afterList: afterList)
    query.range = SourceRange(collection.range.start, previousEnd)
    return query
  }

  /// `expectStatementEnd(couldContinueWith:)` requires the statement to end here and otherwise
  /// names the clauses that could have come next.
  mutating func expectStatementEnd(couldContinueWith remaining: [Keyword], afterList: Bool = false) throws(Diagnostic) {
    guard !atStatementEnd else { return }
    // Inside `expect`, the query or count is followed by its test.
    if let follow = expectFollows {
      switch current.kind {
      case .comparison where follow == .comparison: return
      case .keyword(.includes), .keyword(.excludes): if follow == .keys { return }
      default: break
      }
    }
    let names = (afterList ? ["`,`"] : []) + remaining.map { $0 == .order ? "`order by`" : "`\($0.rawValue)`" } + ["end of statement"]
    let expected = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    var notes: [String] = []
    if case .keyword(let k) = current.kind, [.where, .order, .limit, .offset, .select, .by].contains(k) {
      if (k == .offset || k == .limit), afterList {
        // `select` came first (as in SQL): the limit goes before it.
        notes.append("note: clauses go in the order `where`, `order by`, `limit`, `select`")
      } else if (k == .offset || k == .limit), !remaining.contains(k), !remaining.contains(.where) {
        notes.append("note: `limit N` and `offset N` each come once, in either order")
      } else if k == .by {
        notes.append("note: `by FIELD` groups a `count` statement")
      } else {
        notes.append("note: clauses go in the order `where`, `order by`, `limit`, `select`")
      }
    }
    if case .keyword(let k) = current.kind, [.count, .show, .explain, .let].contains(k) {
      notes.append("help: separate statements with `;`")
    }
    throw error(expected: expected, notes: notes, suggestFrom: remaining.map(\.rawValue))
  }

  /// where_clause -> "where" expression
  mutating func parseWhereClause() throws(Diagnostic) -> Expression {
    advance()
    return try parseExpression()
  }

  /// order_clause -> "order" "by" order_key { "," order_key }
  mutating func parseOrderClause() throws(Diagnostic) -> [OrderKey] {
    advance()
    guard consume(.by) else { throw error(expected: "`by` after `order`", suggestFrom: ["by"]) }
    var keys = [try parseOrderKey()]
    while case .comma = current.kind {
      advance()
      keys.append(try parseOrderKey())
    }
    return keys
  }

  /// order_key -> field [ "asc" | "desc" ]
  mutating func parseOrderKey() throws(Diagnostic) -> OrderKey {
    let field = try parseField(purpose: "a field to order by")
    var key = OrderKey(field: field, range: field.range)
    if at(.asc) || at(.desc), !atStatementEnd {
      key.descending = at(.desc)
      key.range = field.range.to(current.range)
      advance()
    }
    return key
  }

  /// field -> identifier (lowercased: field names are case-insensitive)
  mutating func parseField(purpose: String) throws(Diagnostic) -> FieldRef {
    expectName(.field)
    guard case .identifier(let name) = current.kind else { throw error(expected: purpose) }
    let field = FieldRef(name: name.lowercased(), range: current.range)
    advance()
    return field
  }

  /// limit_clause -> "limit" integer [ "offset" integer ] | "offset" integer [ "limit" integer ]
  mutating func parseLimitClause() throws(Diagnostic) -> LimitClause {
    let start = current.range
    var clause = LimitClause(count: nil, range: start)
    if consume(.limit) {
      clause.count = try parseRowCount(purpose: "the number of rows after `limit`")
      if at(.offset), !atStatementEnd {
        advance()
        clause.offset = try parseRowCount(purpose: "the number of rows to skip after `offset`")
      }
    } else {
      advance()
      clause.offset = try parseRowCount(purpose: "the number of rows to skip after `offset`")
      if at(.limit), !atStatementEnd {
        advance()
        clause.count = try parseRowCount(purpose: "the number of rows after `limit`")
      }
    }
    clause.range = SourceRange(start.start, previousEnd)
    return clause
  }

  mutating func parseRowCount(purpose: String) throws(Diagnostic) -> Int {
    guard case .integer(let n) = current.kind else {
      if case .variable = current.kind {
        throw Diagnostic(
          "expected \(purpose), found \(describe(current))", at: current.range,
          notes: ["note: `limit` and `offset` take a number written out, not a variable"])
      }
      throw error(expected: purpose)
    }
    advance()
    return n
  }

  /// select_clause -> "select" field { "," field }
  mutating func parseSelectClause() throws(Diagnostic) -> [FieldRef] {
    advance()
    var fields = [try parseField(purpose: "a field to select")]
    while case .comma = current.kind {
      advance()
      fields.append(try parseField(purpose: "a field to select"))
    }
    return fields
  }

  /// count -> "count" collection [ where_clause ] [ "by" field ]
  mutating func parseCount() throws(Diagnostic) -> CountStatement {
    let start = current.range
    advance()
    let collection = try parseCollection(after: "count")
    var statement = CountStatement(collection: collection)
    var remaining: [Keyword] = [.where, .by, .distinct]
    if at(.where), !atStatementEnd {
      statement.filter = try parseWhereClause()
      remaining = [.and, .or, .by, .distinct]
    }
    if at(.distinct), !atStatementEnd {
      // Ungrouped: the number of distinct values.
      statement.distinct = try parseDistinctClause()
      try expectStatementEnd(couldContinueWith: [])
      statement.range = SourceRange(start.start, previousEnd)
      return statement
    }
    if statement.groupBy == nil, at(.order) || at(.limit) || at(.offset), !atStatementEnd, !at(.by) {
      let word = at(.order) ? "order by" : current.kind == .keyword(.limit) ? "limit" : "offset"
      throw Diagnostic(
        "`\(word)` applies to a grouped count", at: current.range,
        notes: ["help: group first, e.g. `count \(collection.kind.rawValue) by source order by count desc limit 10`"])
    }
    var afterList = false
    if at(.by), !atStatementEnd {
      advance()
      statement.groupBy = try parseField(purpose: "a field to count by")
      remaining = [.distinct, .as, .order, .limit, .offset]
      if case .comma = current.kind {
        // A two-way count: one row per value of the first field, one column per value of the
        // second; it takes neither a share nor an order.
        advance()
        statement.across = try parseField(purpose: "a second field to count by")
        if at(.distinct), !atStatementEnd { statement.distinct = try parseDistinctClause() }
        try expectStatementEnd(couldContinueWith: statement.distinct == nil ? [.distinct] : [])
        statement.range = SourceRange(start.start, previousEnd)
        return statement
      }
      if at(.distinct), !atStatementEnd {
        statement.distinct = try parseDistinctClause()
        remaining = [.as, .order, .limit, .offset]
      }
      if at(.as), !atStatementEnd {
        let start = current.range
        advance()
        guard consume(.share) else { throw error(expected: "`share` after `as`", suggestFrom: ["share"]) }
        var share = ShareClause(range: start)
        remaining = [.of, .order, .limit, .offset]
        if at(.of), !atStatementEnd {
          advance()
          share.collection = try parseCollection(after: "of")
          remaining = [.where, .order, .limit, .offset]
          if at(.where), !atStatementEnd {
            share.filter = try parseWhereClause()
            remaining = [.and, .or, .order, .limit, .offset]
          }
        }
        share.range = SourceRange(start.start, previousEnd)
        statement.share = share
      }
      if at(.order), !atStatementEnd {
        statement.order = try parseGroupOrderClause()
        remaining = [.limit, .offset]
        afterList = true
      }
      if at(.limit) || at(.offset), !atStatementEnd {
        let limit = try parseLimitClause()
        statement.limit = limit
        remaining = Self.remaining(after: limit)
        afterList = false
      }
    }
    try expectStatementEnd(couldContinueWith: remaining, afterList: afterList)
    statement.range = SourceRange(start.start, previousEnd)
    return statement
  }

  /// distinct -> "distinct" field
  mutating func parseDistinctClause() throws(Diagnostic) -> FieldRef {
    advance()
    return try parseField(purpose: "a field after `distinct`, e.g. `distinct story`")
  }

  /// group_order -> "order" "by" group_key { "," group_key }, group_key -> ( "count" | field ) [ "asc" | "desc" ]
  mutating func parseGroupOrderClause() throws(Diagnostic) -> [OrderKey] {
    advance()
    guard consume(.by) else { throw error(expected: "`by` after `order`", suggestFrom: ["by"]) }
    var keys: [OrderKey] = []
    repeat {
      if !keys.isEmpty { advance() }
      let field: FieldRef
      if at(.count) || at(.share) {
        field = FieldRef(name: at(.count) ? Keyword.count.rawValue : Keyword.share.rawValue, range: current.range)
        advance()
      } else {
        field = try parseField(purpose: "`count` or the grouped field to order by")
      }
      var key = OrderKey(field: field, range: field.range)
      if at(.asc) || at(.desc), !atStatementEnd {
        key.descending = at(.desc)
        key.range = field.range.to(current.range)
        advance()
      }
      keys.append(key)
    } while current.kind == .comma
    return keys
  }

  /// show -> "show" ( string | bare id ), a bare id running to the next space, `;`, `(`, `)` or `,`
  mutating func parseShow() throws(Diagnostic) -> ShowStatement {
    let start = current.range
    advance()
    expectName(.id)
    let id: String
    switch current.kind {
    case .string(let s):
      id = s
      advance()
    case .identifier, .integer, .keyword, .date:
      // A bare id is everything up to the next space: `show baomoi-11111280`, `show a.b_c-d`,
      // whatever tokens its hyphens and dots split it into.
      let idStart = current.range.start
      var idEnd = current.range.end
      advance()
      while current.range.start == idEnd, current.range.end > idEnd {
        switch current.kind {
        case .endOfInput, .semicolon, .leftParen, .rightParen, .comma: break
        default:
          idEnd = current.range.end
          advance()
          continue
        }
        break
      }
      id = text(SourceRange(idStart, idEnd))
    default:
      throw error(
        expected: "an article id or id prefix after `show`",
        notes: ["note: write the id bare, e.g. `show 000_d0844a13450a2335` or `show baomoi-111`, or quoted"])
    }
    try expectStatementEnd(couldContinueWith: [])
    return ShowStatement(id: id, range: SourceRange(start.start, previousEnd))
  }

  /// explain -> "explain" statement
  mutating func parseExplain() throws(Diagnostic) -> ExplainStatement {
    let start = current.range
    try enter()
    advance()
    let statement = try parseStatement()
    depth -= 1
    return ExplainStatement(statement: statement, range: SourceRange(start.start, previousEnd))
  }

  /// let -> "let" name "=" literal   (name written bare or as `$name`)
  mutating func parseLet() throws(Diagnostic) -> LetStatement {
    let start = current.range
    advance()
    expectName(.variable)
    let name: String
    switch current.kind {
    case .identifier(let n): name = n.lowercased()
    case .variable(let n): name = n
    default: throw error(expected: "a variable name after `let`")
    }
    advance()
    guard case .comparison(.equal) = current.kind else { throw error(expected: "`=` after the variable name") }
    advance()
    let value = try parseLiteral(purpose: "a value for `\(name)`")
    try expectStatementEnd(couldContinueWith: [])
    return LetStatement(name: name, value: value, range: SourceRange(start.start, previousEnd))
  }

  /// expect -> "expect" count comparison integer | "expect" ("none" | "some") query
  ///         | "expect" query ("includes" | "excludes") key {"," key}
  mutating func parseExpect() throws(Diagnostic) -> ExpectStatement {
    let start = current.range
    advance()
    let test: ExpectStatement.Test
    if at(.count) {
      expectFollows = .comparison
      let count = try parseCount()
      expectFollows = nil
      guard case .comparison(let op) = current.kind else {
        throw error(expected: "a comparison and a number after the count, e.g. `= 4`")
      }
      advance()
      let n = try parseRowCount(purpose: "the number to compare the count with")
      test = .count(count, op, n)
    } else if at(.none) || at(.some) {
      let none = at(.none)
      advance()
      let query = try parseQuery()
      test = .rows(query, none ? .none : .some)
    } else {
      guard case .identifier = current.kind else {
        throw error(expected: "`count`, `none`, `some` or a query after `expect`", suggestFrom: ["count", "none", "some"])
      }
      expectFollows = .keys
      let query = try parseQuery()
      expectFollows = nil
      let includes: Bool
      if at(.includes) { includes = true } else if at(.excludes) { includes = false } else {
        throw error(expected: "`includes` or `excludes` after the query")
      }
      advance()
      var keys = [try parseKey()]
      while current.kind == .comma {
        advance()
        keys.append(try parseKey())
      }
      test = .rows(query, includes ? .includes(keys) : .excludes(keys))
    }
    try expectStatementEnd(couldContinueWith: [])
    return ExpectStatement(test: test, range: SourceRange(start.start, previousEnd))
  }

  /// An id, name or number after `includes`/`excludes`: a string, or a bare word or number.
  mutating func parseKey() throws(Diagnostic) -> String {
    switch current.kind {
    case .string(let s):
      advance()
      return s
    case .identifier, .integer:
      let s = text(current.range)
      advance()
      return s
    default:
      throw error(expected: "an id, name or number in double quotes")
    }
  }
}

extension ParserState {
  /// kwic -> ["count"] "kwic" kwic_target [where_clause] ["context" integer]
  ///         [("sort" | "order") "by" kwic_key ["asc" | "desc"]] ["sample" integer ["seed" integer]]
  ///         [limit_clause]
  /// kwic_target -> literal | "contains" literal | "cites" literal | "mentions" literal
  mutating func parseKwic() throws(Diagnostic) -> KwicStatement {
    let start = current.range
    let countOnly = consume(.count)
    advance()  // kwic
    let target: Expression
    switch current.kind {
    case .keyword(.cites), .keyword(.mentions), .keyword(.contains):
      target = try parsePrimary()
    case .string, .variable:
      let phrase = try parseLiteral(purpose: "a phrase")
      target = .contains(nil, phrase, phrase.range)
    default:
      throw error(
        expected: "a phrase in double quotes, `cites` or `mentions` after `kwic`",
        notes: ["note: e.g. `kwic \"ma túy\"`, `kwic cites \"03/2019/NĐ-CP\"`, `kwic mentions \"Bộ Công an\"`"],
        suggestFrom: ["cites", "mentions"])
    }
    var statement = KwicStatement(target: target, countOnly: countOnly)
    var remaining: [Keyword] = countOnly ? [.where] : [.where, .context, .sort, .sample, .limit]
    if at(.where), !atStatementEnd {
      statement.filter = try parseWhereClause()
      remaining = countOnly ? [.and, .or] : [.and, .or, .context, .sort, .sample, .limit]
    }
    if !countOnly {
      if at(.context), !atStatementEnd {
        advance()
        let n = try parseRowCount(purpose: "the number of syllables of context after `context`")
        guard n <= KwicStatement.maximumContext else {
          throw Diagnostic(
            "a context of \(n) syllables is too wide", at: tokens[index - 1].range,
            notes: ["note: `context` takes 0 to \(KwicStatement.maximumContext) syllables each side"])
        }
        statement.context = n
        remaining = [.sort, .sample, .limit]
      }
      if at(.sort) || at(.order), !atStatementEnd {
        let word = at(.sort) ? "sort" : "order"
        advance()
        guard consume(.by) else { throw error(expected: "`by` after `\(word)`", suggestFrom: ["by"]) }
        expectName(.kwicKey)
        let keys = KwicStatement.SortKey.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        statement.sort = try parseChoice(
          KwicStatement.SortKey.self, expected: "`left`, `right`, `date` or `id` after `\(word) by`",
          note: "note: a concordance sorts by " + keys)
        if at(.asc) || at(.desc), !atStatementEnd {
          statement.descending = at(.desc)
          advance()
        }
        remaining = [.sample, .limit]
      }
      if at(.sample), !atStatementEnd {
        advance()
        statement.sample = try parseRowCount(purpose: "the number of lines to draw after `sample`")
        remaining = [.seed, .limit]
        if at(.seed), !atStatementEnd {
          advance()
          statement.seed = try parseRowCount(purpose: "a number after `seed`")
          remaining = [.limit]
        }
      }
      if at(.limit) || at(.offset), !atStatementEnd {
        let limit = try parseLimitClause()
        statement.limit = limit
        remaining = Self.remaining(after: limit)
      }
    }
    do {
      try expectStatementEnd(couldContinueWith: remaining)
    } catch {
      // A clause out of place (`sort by left context 4`) is told the concordance's own order.
      guard case .keyword(let k) = current.kind, [.where, .context, .sort, .order, .sample, .seed, .limit, .offset].contains(k)
      else { throw error }
      var diagnostic = error
      diagnostic.notes = ["note: a concordance's clauses go in the order `where`, `context`, `sort by`, `sample`, `limit`"]
      throw diagnostic
    }
    statement.range = SourceRange(start.start, previousEnd)
    return statement
  }
}

extension ParserState {
  /// `parseFinalLimit(otherwise:)` reads the optional `limit_clause` that ends a statement, then
  /// its end; an error there names what could follow: `remaining` when no limit was read.
  mutating func parseFinalLimit(otherwise remaining: [Keyword]) throws(Diagnostic) -> LimitClause? {
    guard at(.limit) || at(.offset), !atStatementEnd else {
      try expectStatementEnd(couldContinueWith: remaining)
      return nil
    }
    let limit = try parseLimitClause()
    try expectStatementEnd(couldContinueWith: Self.remaining(after: limit))
    return limit
  }

  /// ngrams -> "ngrams" integer [where_clause] [limit_clause]
  mutating func parseNgrams() throws(Diagnostic) -> NgramsStatement {
    let start = current.range
    advance()
    let n = try parseRowCount(purpose: "the number of syllables after `ngrams`, e.g. `ngrams 2`")
    guard n >= 1, n <= NgramsStatement.maximumSize else {
      throw Diagnostic(
        "`ngrams` takes 1 to \(NgramsStatement.maximumSize) syllables, found \(n)", at: tokens[index - 1].range)
    }
    var statement = NgramsStatement(size: n)
    var remaining: [Keyword] = [.where, .limit, .offset]
    if at(.where), !atStatementEnd {
      statement.filter = try parseWhereClause()
      remaining = [.and, .or, .limit, .offset]
    }
    statement.limit = try parseFinalLimit(otherwise: remaining)
    statement.range = SourceRange(start.start, previousEnd)
    return statement
  }

  /// keywords -> "keywords" [integer | entities] where_clause "vs" reference ["by" keyness] [limit_clause]
  /// reference -> where_clause | "rest" | "all"
  mutating func parseKeywords() throws(Diagnostic) -> KeywordsStatement {
    let start = current.range
    advance()
    var items: KeywordsStatement.Items? = nil
    expectName(.entities)
    let entityNames = KeywordsStatement.Entities.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
    switch current.kind {
    case .integer(let n):
      guard n >= 1, n <= NgramsStatement.maximumSize else {
        throw Diagnostic(
          "`keywords` takes 1 to \(NgramsStatement.maximumSize) syllables, found \(n)", at: current.range)
      }
      advance()
      items = .ngrams(n)
    case .identifier:
      items = .entities(
        try parseChoice(
          KeywordsStatement.Entities.self,
          expected: "a number of syllables, \(entityNames) or `where` after `keywords`",
          note: "note: e.g. `keywords where source = \"CT\" vs rest`, `keywords 2 ...`, `keywords people ...`"))
    default:
      break
    }
    guard at(.where) else {
      let what = items == nil ? "a number of syllables, \(entityNames) or `where`" : "`where` and the articles to characterise"
      throw error(
        expected: what + " after `keywords`",
        notes: ["note: e.g. `keywords where source = \"CT\" vs rest`"], suggestFrom: ["where"])
    }
    let focus = try parseWhereClause()
    guard consume(.vs) else {
      throw error(
        expected: "`and`, `or` or `vs` and the reference to compare with",
        notes: ["note: e.g. `vs where source = \"PLO\"`, `vs rest` (the other articles) or `vs all` (the whole corpus)"],
        suggestFrom: ["vs"])
    }
    var statement = KeywordsStatement(items: items, focus: focus, reference: .rest)
    let referenceStart = current.range
    if at(.where) {
      let reference = try parseWhereClause()
      statement.reference = .filter(reference)
      statement.referenceRange = reference.range
    } else {
      expectName(.reference)
      let name = try parseChoice(
        KeywordsStatement.ReferenceName.self, expected: "`where`, `rest` or `all` after `vs`",
        note: "note: `vs rest` compares with the other articles, `vs all` with the whole corpus")
      statement.reference = name == .rest ? .rest : .all
      statement.referenceRange = referenceStart
    }
    var remaining: [Keyword] = [.by, .limit, .offset]
    if case .filter = statement.reference { remaining = [.and, .or, .by, .limit, .offset] }
    if at(.by), !atStatementEnd {
      advance()
      statement.measure = try parseChoice(
        KeywordsStatement.Measure.self, expected: "`ll` or `simple` after `by`",
        note: "note: the statistics are ll (log-likelihood, the default) and simple (Sketch Engine's simple maths)")
      remaining = [.limit, .offset]
    }
    statement.limit = try parseFinalLimit(otherwise: remaining)
    statement.range = SourceRange(start.start, previousEnd)
    return statement
  }

  /// collocates -> "collocates" "of" literal [where_clause] ["window" integer] ["by" measure] [limit_clause]
  mutating func parseCollocates() throws(Diagnostic) -> CollocatesStatement {
    let start = current.range
    advance()
    guard consume(.of) else { throw error(expected: "`of` after `collocates`", suggestFrom: ["of"]) }
    let phrase = try parseLiteral(purpose: "a phrase after `collocates of`, e.g. \"ma túy\"")
    var statement = CollocatesStatement(phrase: phrase)
    var remaining: [Keyword] = [.where, .window, .by, .limit, .offset]
    if at(.where), !atStatementEnd {
      statement.filter = try parseWhereClause()
      remaining = [.and, .or, .window, .by, .limit, .offset]
    }
    if at(.window), !atStatementEnd {
      advance()
      let n = try parseRowCount(purpose: "the number of syllables each side after `window`")
      guard n >= 1, n <= CollocatesStatement.maximumWindow else {
        throw Diagnostic(
          "`window` takes 1 to \(CollocatesStatement.maximumWindow) syllables each side, found \(n)", at: tokens[index - 1].range)
      }
      statement.window = n
      remaining = [.by, .limit, .offset]
    }
    if at(.by), !atStatementEnd {
      advance()
      statement.measure = try parseChoice(
        CollocatesStatement.Measure.self, expected: "`logdice`, `mi` or `ll` after `by`",
        note: "note: the measures are logdice (the default), mi and ll")
      remaining = [.limit, .offset]
    }
    statement.limit = try parseFinalLimit(otherwise: remaining)
    statement.range = SourceRange(start.start, previousEnd)
    return statement
  }
}

extension ParserState {
  /// `remaining(after:)` is what may follow a `limit`/`offset` clause: the one of the two not
  /// written yet.
  static func remaining(after limit: LimitClause) -> [Keyword] {
    limit.offset == nil ? [.offset] : (limit.count == nil ? [.limit] : [])
  }

  /// `parseChoice(_:expected:note:)` reads one of a closed set of names that are not keywords (a
  /// concordance's sort key, a collocation measure), case-insensitively, suggesting the nearest
  /// when it is none of them.
  mutating func parseChoice<Choice: RawRepresentable & CaseIterable>(
    _: Choice.Type, expected: String, note: String
  ) throws(Diagnostic) -> Choice where Choice.RawValue == String {
    guard case .identifier(let name) = current.kind, let choice = Choice(rawValue: name.lowercased()) else {
      var notes = [note]
      if case .identifier(let name) = current.kind,
        let near = Suggestions.nearest(to: name, in: Choice.allCases.map(\.rawValue))
      {
        notes.insert("help: did you mean `\(near)`?", at: 0)
      }
      throw error(expected: expected, notes: notes)
    }
    advance()
    return choice
  }
}

extension KwicStatement {
  /// The widest context a concordance shows, in syllables each side.
  public static let maximumContext = 200
}

/// What follows the query or count of an `expect` statement.
enum ExpectFollow: Equatable {
  case comparison, keys
}
