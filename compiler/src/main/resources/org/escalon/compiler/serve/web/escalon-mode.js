// Escalon's highlighting for CodeMirror: the same classes of words as the VS Code grammar.
CodeMirror.defineSimpleMode("escalon", {
  start: [
    { regex: /#.*/, token: "comment" },
    { regex: /"(?:[^\\"]|\\.)*"?/, token: "string" },
    { regex: /\b(protocol|stage|outcome|role|attribute|event|form|agency|trigger|scale|limit|property)\b/, token: "def" },
    { regex: /\b\d+\s+(?:working\s+days?|calendar\s+days?|weeks?|months?|hours?|days?)\b/, token: "number" },
    { regex: /\b\d{4}-\d{2}-\d{2}\b/, token: "number" },
    { regex: /\b(to|copy|notify|advise|consult|action|record|remind|respond|within|by|after|requires|only|if|when|go|resolved|unsatisfactory|no|response|not|extension|source|at|every|may|bypass|refer|raise|raised|with|reason|calendar|version|status|effective|review|owner|closed|time|zone|external|in|both|agencies|and|or|of|agreement|advice|completed|requested|granted|up|until|copying|sent|field|any|total|most|least|always|eventually|never|same)\b/, token: "keyword" },
    { regex: /\b[A-Z][A-Za-z0-9]*\b/, token: "variable-2" },
    { regex: /\d+/, token: "number" },
    { regex: /\{/, indent: true, token: "bracket" },
    { regex: /\}/, dedent: true, token: "bracket" }
  ],
  meta: { lineComment: "#" }
});
