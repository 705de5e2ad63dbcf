import TinqText
// Expression productions: expression, unary, primary, predicate, literal.

extension ParserState {
  static let fieldOperators = "an operator (`=`, `!=`, `<`, `<=`, `>`, `>=`, `between`, `in`, `is` or `contains`)"
  static let operatorWords = [Keyword.between, .in, .is, .contains, .not].map(\.rawValue)
  static let predicateWords = [Keyword.cites, .mentions, .contains].map(\.rawValue)

  /// expression -> unary { ( "and" | "or" ) unary }, by precedence (`and` binds tighter than `or`)
  ///
  /// Precedence climbing: a chain of one operator is built in the loop, not by recursion, so
  /// twenty thousand `and`s cost no stack.
  mutating func parseExpression() throws(Diagnostic) -> Expression {
    try parseBinary(minimumPrecedence: 1)
  }

  mutating func parseBinary(minimumPrecedence: Int) throws(Diagnostic) -> Expression {
    var lhs = try parseUnary()
    while let op = logicalOperator, op.precedence >= minimumPrecedence {
      advance()
      let rhs = try parseBinary(minimumPrecedence: op.precedence + 1)
      lhs = .logical(op, lhs, rhs, lhs.range.to(rhs.range))
    }
    return lhs
  }

  /// The binary operator at the current token, from the one precedence table `LogicalOperator`.
  var logicalOperator: LogicalOperator? {
    switch current.kind {
    case .keyword(.and): return .and
    case .keyword(.or): return .or
    default: return nil
    }
  }

  /// unary -> { "not" } primary
  mutating func parseUnary() throws(Diagnostic) -> Expression {
    var nots: [SourceRange] = []
    while at(.not) {
      try enter()
      nots.append(current.range)
      advance()
    }
    var operand = try parsePrimary()
    for range in nots.reversed() {
      operand = .not(operand, range.to(operand.range))
    }
    depth -= nots.count
    return operand
  }

  /// primary -> "(" expression ")" | predicate
  mutating func parsePrimary() throws(Diagnostic) -> Expression {
    guard case .leftParen = current.kind else { return try parsePredicate() }
    let opener = current
    try enter()
    advance()
    let inner = try parseExpression()
    guard case .rightParen = current.kind else { throw unclosed(")", opener: opener) }
    advance()
    depth -= 1
    return inner
  }

  /// predicate -> field compare literal | field ["not"] "between" literal "and" literal
  ///            | field ["not"] "in" "(" literal { "," literal } ")" | field "is" ["not"] "null"
  ///            | [field] "contains" literal | "cites" literal | "mentions" literal
  mutating func parsePredicate() throws(Diagnostic) -> Expression {
    expectName(.condition)
    let start = current.range
    switch current.kind {
    case .keyword(.cites):
      try countPredicate(at: start)
      advance()
      let number = try parseLiteral(purpose: "a citation number after `cites`, e.g. \"03/2019/NĐ-CP\"")
      return .cites(number, start.to(number.range))
    case .keyword(.mentions):
      try countPredicate(at: start)
      advance()
      let name = try parseLiteral(purpose: "a name after `mentions`, e.g. \"Bộ Công an\"")
      return .mentions(name, start.to(name.range))
    case .keyword(.contains):
      try countPredicate(at: start)
      advance()
      let phrase = try parseLiteral(purpose: "a phrase after `contains`, e.g. \"ma túy\"")
      if at(.near), !atStatementEnd { return try parseNear(phrase, from: start) }
      return .contains(nil, phrase, start.to(phrase.range))
    case .identifier(let name):
      try countPredicate(at: start)
      let field = FieldRef(name: name.lowercased(), range: start)
      advance()
      return try parseFieldPredicate(field)
    default:
      throw error(
        expected: "a condition (a field, `contains`, `cites`, `mentions`, `not` or `(`)",
        suggestFrom: Self.predicateWords)
    }
  }

  /// near -> "contains" literal "near" literal [ "within" ( integer | "sentence" | "paragraph" ) ] [ "ordered" ]
  mutating func parseNear(_ first: Literal, from start: SourceRange) throws(Diagnostic) -> Expression {
    advance()  // near
    let second = try parseLiteral(purpose: "a phrase after `near`, e.g. \"bắt giữ\"")
    var proximity = Proximity()
    if at(.within), !atStatementEnd {
      advance()
      switch current.kind {
      case .integer(let n):
        guard n >= 0, n <= Proximity.maximumSyllables else {
          throw Diagnostic(
            "`within` takes 0 to \(Proximity.maximumSyllables) syllables, found \(n)", at: current.range,
            notes: ["note: `within sentence` or `within paragraph` for wider spans"])
        }
        proximity.span = .syllables(n)
      case .keyword(.sentence): proximity.span = .sentence
      case .keyword(.paragraph): proximity.span = .paragraph
      default:
        throw error(
          expected: "a number of syllables, `sentence` or `paragraph` after `within`", suggestFrom: ["sentence", "paragraph"])
      }
      advance()
    }
    if at(.ordered), !atStatementEnd {
      advance()
      proximity.ordered = true
    }
    return .near(first, second, proximity, start.to(SourceRange(previousEnd, previousEnd)))
  }

  /// The part of a predicate after its field.
  mutating func parseFieldPredicate(_ field: FieldRef) throws(Diagnostic) -> Expression {
    let start = field.range
    switch current.kind {
    case .comparison(let op):
      advance()
      let value = try parseLiteral(purpose: "a value after `\(op.rawValue)`", field: field)
      return .comparison(field, op, value, start.to(value.range))
    case .keyword(.contains):
      advance()
      let phrase = try parseLiteral(purpose: "a phrase after `contains`")
      return .contains(field, phrase, start.to(phrase.range))
    case .keyword(.is):
      advance()
      let negated = consume(.not)
      guard at(.null) else {
        throw error(expected: negated ? "`null` after `is not`" : "`null` or `not null` after `is`")
      }
      advance()
      return .isNull(field, negated: negated, SourceRange(start.start, previousEnd))
    case .keyword(.not):
      advance()
      guard at(.between) || at(.in) else {
        throw error(expected: "`between` or `in` after `\(field.name) not`", suggestFrom: ["between", "in"])
      }
      return try parseRangeOrList(field, negated: true)
    case .keyword(.between), .keyword(.in):
      return try parseRangeOrList(field, negated: false)
    case .string, .integer, .date, .variable:
      // `cite "51-NQ/TW"`: a misspelt predicate word reads as a field followed by a value.
      if let near = Suggestions.nearest(to: field.name, in: Self.predicateWords) {
        throw Diagnostic(
          "unknown predicate `\(text(field.range))`", at: field.range, notes: ["help: did you mean `\(near)`?"])
      }
      throw error(expected: "\(Self.fieldOperators) after `\(text(field.range))`")
    default:
      throw error(expected: "\(Self.fieldOperators) after `\(text(field.range))`", suggestFrom: Self.operatorWords)
    }
  }

  /// between -> "between" literal "and" literal; in_list -> "in" "(" literal { "," literal } ")"
  mutating func parseRangeOrList(_ field: FieldRef, negated: Bool) throws(Diagnostic) -> Expression {
    let start = field.range
    if consume(.between) {
      let low = try parseLiteral(purpose: "the low end after `between`", field: field)
      guard consume(.and) else { throw error(expected: "`and` and the high end of `between`") }
      let high = try parseLiteral(purpose: "the high end after `and`", field: field)
      return .between(field, low, high, negated: negated, start.to(high.range))
    }
    advance()
    guard case .leftParen = current.kind else { throw error(expected: "`(` to start the list after `in`") }
    let opener = current
    advance()
    var values = [try parseLiteral(purpose: "a value in the list", field: field)]
    while case .comma = current.kind {
      advance()
      values.append(try parseLiteral(purpose: "a value after `,`", field: field))
    }
    guard case .rightParen = current.kind else {
      if case .string = current.kind { throw error(expected: "`,` or `)`") }
      if case .integer = current.kind { throw error(expected: "`,` or `)`") }
      throw unclosed(")", opener: opener)
    }
    advance()
    return .inList(field, values, negated: negated, SourceRange(start.start, previousEnd))
  }

  /// literal -> string | integer | date | variable
  mutating func parseLiteral(purpose: String, field: FieldRef? = nil) throws(Diagnostic) -> Literal {
    let token = current
    let value: Literal.Value
    switch token.kind {
    case .string(let s): value = .string(s)
    case .integer(let n): value = .integer(n)
    case .date(let d): value = .date(d)
    case .variable(let name): value = .variable(name)
    case .keyword(.null):
      let name = field.map { text($0.range) } ?? "FIELD"
      throw Diagnostic(
        "expected \(purpose), found `null`", at: token.range,
        notes: ["help: to test for a missing value write `\(name) is null`"])
    case .identifier(let word):
      throw Diagnostic(
        "expected \(purpose), found \(describe(token))", at: token.range,
        notes: ["help: text is written in double quotes, \"\(word)\"; a variable is written $\(word.lowercased())"])
    default:
      throw error(expected: purpose)
    }
    advance()
    return Literal(value, range: token.range)
  }
}
