/*
 * Cloud Elements Query Language (CEQL), the "where" of list calls, as Cloud Elements documented it
 * (devportal _includes/ceql-ref.md, "Valid CEQL Operators"): comparisons with = != < > <= >=,
 * LIKE with % as its wildcard, IN (...), joined by AND and OR, with parentheses; texts in single
 * quotes (a quote inside written twice), numbers, true and false; keywords in any case. AND binds
 * tighter than OR, as in SQL, which CEQL is modelled on. Backticks quote a field name with dots
 * (`metaData.lastUpdateTime`), as the same page shows. IS NULL is not offered: no field of the
 * platform's lists is ever null.
 */
grammar Ceql;

options { caseInsensitive = true; }

where
    : condition EOF
    ;

condition
    : condition AND condition          # and
    | condition OR condition           # or
    | LPAREN condition RPAREN          # parenthesized
    | field operation                  # predicate
    ;

/* Apart from the field, so that each choice takes one token and an error names what may follow the field. */
operation
    : comparator value                              # comparison
    | LIKE STRING                                   # like
    | IN LPAREN value (COMMA value)* RPAREN         # in
    ;

comparator
    : EQ | NE | LE | GE | LT | GT
    ;

field
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    ;

value
    : STRING
    | NUMBER
    | TRUE
    | FALSE
    ;

AND : 'and' ;
OR : 'or' ;
LIKE : 'like' ;
IN : 'in' ;
TRUE : 'true' ;
FALSE : 'false' ;

EQ : '=' ;
NE : '!=' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA : ',' ;

STRING : '\'' ( ~'\'' | '\'\'' )* '\'' ;
NUMBER : '-'? DIGIT+ ( '.' DIGIT+ )? ;
IDENTIFIER : [a-z_] [a-z_0-9.]* ;
QUOTED_IDENTIFIER : '`' ~[`]+ '`' ;

WHITESPACE : [ \t\r\n]+ -> skip ;

/* Anything else is one token of its own, so that the parser, not the lexer, reports it with what it expected. */
UNEXPECTED : . ;

fragment DIGIT : [0-9] ;
