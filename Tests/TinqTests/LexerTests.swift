import Testing
import TinqSyntax

/// A compact spelling of token kinds so a table row reads like the input.
func syntaxSpell(_ kind: TokenKind) -> String {
  switch kind {
  case .keyword(let k): return "kw:" + k.rawValue
  case .identifier(let s): return "id:" + s
  case .variable(let s): return "$" + s
  case .string(let s): return "str:" + s
  case .integer(let n): return "int:\(n)"
  case .date(let d): return "date:" + Printer.print(d)
  case .comparison(let op): return op.rawValue
  case .leftParen: return "("
  case .rightParen: return ")"
  case .comma: return ","
  case .semicolon: return ";"
  case .error(let e): return "error:" + e.message
  case .endOfInput: return "eof"
  }
}

func syntaxLexed(_ source: String) -> [String] {
  Lexer.tokenize(source).map { syntaxSpell($0.kind) }
}

@Suite struct LexerTests {
  static let cases: [(String, [String])] = [
    ("", ["eof"]),
    ("  \t\n ", ["eof"]),
    ("articles", ["id:articles", "eof"]),
    ("WHERE Where where", ["kw:where", "kw:where", "kw:where", "eof"]),
    ("year>=2021", ["id:year", ">=", "int:2021", "eof"]),
    ("= != < <= > >=", ["=", "!=", "<", "<=", ">", ">=", "eof"]),
    ("(a,b);", ["(", "id:a", ",", "id:b", ")", ";", "eof"]),
    ("\"ma túy\"", ["str:ma túy", "eof"]),
    ("\"a\\\"b\\\\c\"", ["str:a\"b\\c", "eof"]),
    ("\"two\nlines\"", ["str:two\nlines", "eof"]),
    ("2021-06-30 2021-06 2021-6-1 2021", ["date:2021-06-30", "date:2021-06", "date:2021-06-01", "int:2021", "eof"]),
    ("-5 -0", ["int:-5", "int:0", "eof"]),
    ("9223372036854775807 -9223372036854775808", ["int:9223372036854775807", "int:-9223372036854775808", "eof"]),
    ("$since $Who", ["$since", "$who", "eof"]),
    ("000_d0844a13450a2335", ["id:000_d0844a13450a2335", "eof"]),
    ("Đại_tướng", ["id:Đại_tướng", "eof"]),
    ("a -- comment ; b\nc", ["id:a", "id:c", "eof"]),
    ("#!/usr/bin/env tinq\nx", ["id:x", "eof"]),
    ("5--x", ["int:5", "eof"]),
    ("\u{FEFF}articles\u{00A0}where", ["id:articles", "kw:where", "eof"]),
  ]

  @Test(arguments: cases)
  func tokenizes(source: String, expected: [String]) {
    #expect(syntaxLexed(source) == expected)
  }

  static let errors: [(String, String)] = [
    ("9223372036854775808", "integer 9223372036854775808 is too large; integers range from -9223372036854775808 to 9223372036854775807"),
    ("\"abc", "expected '\"' to close the string at 1:1, found end of input"),
    ("\"a\\nb\"", "unknown escape \\n in a string; only \\\" and \\\\ are escapes"),
    ("'abc'", "strings are written in double quotes, not single quotes"),
    ("2021-13", "invalid date 2021-13: the month must be 01 to 12"),
    ("2021-02-29", "invalid date 2021-02-29: the day must be 01 to 28"),
    ("21-06", "invalid date 21-06: the year must have four digits"),
    ("0000-00-00", "invalid date 0000-00-00: there is no year 0"),
    // A long literal is shortened in the message, as a long name is.
    (String(repeating: "9", count: 60), "integer 99999999999999999999…9999999999 is too large; integers range from -9223372036854775808 to 9223372036854775807"),
    ("a == 1", "`==` is not an operator; equality is written `=`"),
    ("a <> 1", "`<>` is not an operator; inequality is written `!=`"),
    ("!a", "unexpected `!`; negation is written `not`, inequality `!=`"),
    ("a - b", "unexpected `-`; a comment starts with `--`"),
    ("\u{0}", "unexpected character U+0000"),
    ("€", "unexpected character `€`"),
    ("“x”", "unexpected curly quote “; strings are written in straight double quotes `\"`"),
    ("$", "expected a variable name after `$`"),
  ]

  @Test(arguments: errors)
  func reportsLexicalErrors(source: String, message: String) {
    let messages = Lexer.tokenize(source).compactMap { token -> String? in
      if case .error(let e) = token.kind { return e.message }
      return nil
    }
    #expect(messages.first == message)
  }

  @Test func leapDaysFollowTheGregorianRules() {
    #expect(syntaxLexed("2020-02-29") == ["date:2020-02-29", "eof"])
    #expect(syntaxLexed("2000-02-29") == ["date:2000-02-29", "eof"])
    #expect(syntaxLexed("1900-02-29").first?.hasPrefix("error:") == true)
  }

  @Test func rangesAreUTF8Offsets() {
    let tokens = Lexer.tokenize("Đ = \"ư\"")
    #expect(tokens.map(\.range) == [SourceRange(0, 2), SourceRange(3, 4), SourceRange(5, 9), SourceRange(9, 9)])
  }

  @Test func keywordLookupIgnoresCase() {
    for keyword in Keyword.allCases {
      #expect(Keyword.lookup(keyword.rawValue.uppercased()) == keyword)
    }
    #expect(Keyword.lookup("articles") == nil)
    #expect(Keyword.lookup("wherе") == nil)  // Cyrillic е
  }
}
