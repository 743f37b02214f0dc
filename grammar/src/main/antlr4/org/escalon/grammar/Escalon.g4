/*
 * The Escalon language: escalation protocols that read like the policy they encode.
 *
 * Statements start with a keyword (or, for rights, with a role name followed by `may`),
 * so line breaks carry no meaning and a protocol can be laid out as its authors like;
 * `escalon fmt` gives the canonical layout. Every alternative is labelled so that the
 * AST builder never inspects raw tokens. A `source "..."` at the end of a line cites that line's
 * statement; on a line of its own it cites the enclosing block. Comments (`#` to end of line) are kept on a
 * hidden channel and re-attached to the statement that follows them.
 */
grammar Escalon;

@parser::members {
  /**
   * A `source "..."` cites the statement it ends only when it stands on that statement's line;
   * on a line of its own it cites the block around it.
   */
  boolean onSameLine() {
    Token previous = _input.LT(-1);
    return previous != null && _input.LT(1).getLine() == previous.getLine();
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points (`standalone*` rules let tests parse fragments)

file                 : protocol EOF ;
standaloneStatement  : protocolStatement EOF ;
standaloneDuration   : duration EOF ;
standaloneCondition  : condition EOF ;

protocol             : PROTOCOL STRING LBRACE protocolStatement* RBRACE ;

protocolStatement
    : VERSION STRING citation?                                       # versionStatement
    | STATUS name citation?                                          # statusStatement
    | EFFECTIVE DATE citation?                                       # effectiveStatement
    | REVIEW BY? DATE citation?                                      # reviewStatement
    | OWNER STRING citation?                                         # ownerStatement
    | CALENDAR name citation?                                        # calendarStatement
    | CLOSED DATE (TO DATE)? citation?                               # closedStatement
    | CLOSED EVERY YEAR FROM MONTHDAY TO MONTHDAY citation?          # closedYearlyStatement
    | TIME ZONE STRING citation?                                     # zoneStatement
    // `raised by IRO or CPChair`: either may raise; `and` is refused (one role raises a case)
    | RAISED BY toRoles citation?                                    # raisedByStatement
    | ABOUT names citation?                                          # aboutStatement
    // a clock on raising itself, counted from an event before the raise (the disagreement):
    // `raise within 2 working days after disagreement or decision`, `raise as soon as possible
    // after disagreement` (the word is its firmness too); a late raise is recorded, never refused
    | RAISE WITHIN THE? duration AFTER name (OR name)* firmness? citation? # raiseWithinStatement
    | RAISE promptly AFTER name (OR name)* citation?                 # raisePromptlyStatement
    | SOURCE STRING                                                  # sourceStatement
    | AGENCY name STRING? citation?                                  # agencyDecl
    | ROLE name STRING? EXTERNAL? lookup? citation? roleBody?        # roleDecl
    | ATTRIBUTE name STRING? (ONE OF names)? citation?               # attributeDecl
    // A judgement a named role makes at any time, before the raise too ("if they consider it
    // proportionate"): a yes/no fact of the case, read by rights, routes and conditions by name
    | DECISION name STRING? BY toRoles citation?                     # protocolDecisionDecl
    | EVENT name STRING? citation?                                   # eventDecl
    // A date in the future the host supplies during the case ("the child protection conference"):
    // steps may fall due before it (`within 2 working days before conference`)
    | DATE_KW name STRING? citation?                                 # knownDateDecl
    | SCALE name STRING? LBRACE scaleValue (COMMA scaleValue)* COMMA? RBRACE citation? # scaleDecl
    | FORM name STRING? LBRACE formStatement* RBRACE                 # formDecl
    | STAGE stageKey STRING? LBRACE stageStatement* RBRACE           # stageDecl
    | OUTCOME outcomeName STRING? LBRACE stageStatement* RBRACE      # outcomeDecl
    | AT stageSet LBRACE stageStatement* RBRACE                      # obligationDecl
    | name MAY rightKind (WITH REASON)? CONCURRENTLY? guard? citation? # rightDecl
    | EXTENSION LBRACE extensionStatement* RBRACE                     # extensionDecl
    | TRIGGER name STRING? LBRACE triggerStatement* RBRACE           # triggerDecl
    | LIMIT STRING LBRACE limitStatement* RBRACE                     # limitDecl
    | PHASE name STRING? LBRACE phaseStatement* RBRACE               # phaseDecl
    | PROPERTY STRING LBRACE propertyStatement* RBRACE               # propertyDecl
    | INVARIANT STRING LBRACE invariantStatement* RBRACE             # invariantDecl
    // What must happen at once whatever the stage: `when immediate_risk go to stage 3`, and
    // `when immediate_risk { notify Police "call 999" }` (steps only; the checker says which)
    | WHEN condition GO TO target citation?                          # atOnceGoDecl
    | WHEN condition LBRACE stageStatement* RBRACE                   # atOnceStepsDecl
    | BASED_ON STRING citation?                                      # basedOnDecl
    | REPLACE protocolStatement                                      # replaceDecl
    | REMOVE removable citation?                                     # removeDecl
    ;

// Reuse: a protocol built on another (`based on "regional.esc"`) states what it changes: a
// declaration of its own adds, `replace` swaps the base's declaration of the same kind and name,
// `remove` drops one. The checker says which kinds can be replaced.
removable
    : STAGE stageKey                                                 # removeStage
    | OUTCOME name                                                   # removeOutcome
    | (ROLE | AGENCY | ATTRIBUTE | EVENT | SCALE | FORM | TRIGGER | PHASE) name # removeNamed
    | (LIMIT | PROPERTY | INVARIANT) STRING                          # removeTitled
    ;

roleBody             : LBRACE roleStatement* RBRACE ;
// Who holds the role is found in a directory the host supplies, per agency when so said:
// `role SLO "Senior liaison officer" looked up in directory "single points of contact" per agency`
lookup               : LOOKED_UP_IN_DIRECTORY STRING (PER AGENCY)? ;
roleStatement
    : IN name STRING (COMMA STRING)* citation?                       # equivalentStatement
    | SOURCE STRING                                                  # roleSourceStatement
    ;

scaleValue           : name (EQUALS INT)? ;

formStatement
    : FIELD name STRING? fieldType citation?                         # fieldStatement
    | SOURCE STRING                                                  # formSourceStatement
    ;

fieldType
    : TEXT                                                           # textField
    | DATE_KW                                                        # dateField
    | NUMBER                                                         # numberField
    | YES_NO                                                         # yesNoField
    | STAGE                                                          # stageField
    | ROLE                                                           # roleField
    | ONE OF names                                                   # choiceField
    ;

// ---------------------------------------------------------------------------------------------
// Stages, outcomes and obligations share one body; the checker says which statements fit where.

// A key is numbered as the policy numbers it: `3`, `3A`, `4b`, or named: `informal`.
stageKey             : INT | NUMBERED_KEY | name ;
outcomeName          : name | RESOLVED ;   // `resolved` is built in, and may be declared to add records

stageStatement
    : TO toRoles (IN BOTH AGENCIES)? substitute? guard? citation?            # toStatement
    | JUDGED BY toRoles citation?                                            # judgedByStatement
    // A decision a named role takes during the stage ("if the manager judges the challenge
    // justified"): a yes/no fact of the case the host supplies by a Decide event, read by routes
    // and conditions by its name. `or` (or commas): any of them may take it.
    | DECISION name STRING? BY toRoles citation?                             # decisionStatement
    // who takes the case further from this stage when it is not resolved (after a soft deadline)
    | ESCALATED BY name citation?                                            # escalatedByStatement
    | COPY roleList guard? citation?                                         # copyStatement
    | actionVerb roleList STRING? (BY name)? via? deadline? practice? guard? citation? # notifyStatement
    // `by A and B`: a joint step, done when each of them has reported it done
    | ACTION actionId? STRING (BY name (AND name)*)? via? deadline? practice? guard? citation? # actionStatement
    | RECORD recordSubject (BY name)? (SENT TO roleList)? via? deadline? practice? guard? citation? # recordStatement
    | REMIND roleList EVERY duration (UNTIL RESOLVED)? (COPYING roleList)? guard? citation? # remindStatement
    | RESPOND WITHIN THE? (duration | setTime | EARLIER OF timeChoice AND timeChoice) firmness? assumption? guard? citation? # respondWithinStatement
    | RESPOND BY duration AFTER anchor firmness? assumption? guard? citation? # respondByStatement
    | RESPOND promptly assumption? guard? citation?                          # respondPromptlyStatement
    | REQUIRES requirement (COMMA requirement)* citation?                    # requiresStatement
    // a step done before the stage is entered: `requires notify QAServiceManager "..." by QAManager`
    // (the checker takes a notify, advise, consult, action or record only)
    | REQUIRES stageStatement                                                # requiredStepStatement
    | ONLY IF condition citation?                                            # onlyIfStatement
    | WHEN responseKind GO TO target citation?                               # whenStatement
    | WHEN responseKind GO TO target guard (COMMA? OTHERWISE GO TO target)? citation? # chosenWhenStatement
    | EXTENSION LBRACE extensionStatement* RBRACE                             # stageExtensionStatement
    | SOURCE STRING                                                          # stageSourceStatement
    ;

actionVerb           : NOTIFY | ADVISE | CONSULT ;
// the action's stable id: kept when its words are reworded (see ActionIds)
actionId             : name ;
// How a step is done: `via telephone or email` (any one of them), and `as good practice` for a step
// the policy recommends rather than requires. The checker knows the channels.
via                  : VIA channel (OR channel)* ;
channel              : name | WRITING ;
practice             : AS GOOD_PRACTICE ;
recordSubject        : STRING | name ;
roleList             : name (listSep name)* ;
// Who answers a stage: `to A or B` (either may answer; commas say the same), `to A and B` (each
// must answer: the stage is resolved when all have answered resolving). The checker refuses a line
// that mixes `and` and `or`.
toRoles              : name (toSep name)* ;
toSep                : COMMA | AND | OR ;
// Who answers in the addressee's place once the host says the addressee is unavailable:
// `to TeamManager, or DutyTeamManager when unavailable`. The checker allows it on a line that
// names one role.
substitute           : COMMA? OR name WHEN_UNAVAILABLE ;
listSep              : COMMA | AND ;
// A step's deadline, counted from the start of its stage unless it says from what: the start of
// the escalation, the last start of another stage, or an event that happens at this stage; or
// counted back from a known date the host supplies (`within 48 hours before the conference`).
// A word for urgency (`immediately`, `without delay`, `as soon as possible`) is the timescale it
// stands for at a stage (docs/language.md section 10), counted forwards the same way.
deadline             : WITHIN THE? duration (AFTER stepAnchor | BEFORE THE? name)?
                     | promptly (AFTER stepAnchor)? ;
stepAnchor
    : THE? START                                                     # stepStartAnchor
    | STAGE stageKey                                                 # stepStageAnchor
    | name                                                           # stepEventAnchor
    ;
// A timescale set during the case: "the IRO sets the timescale", with the policy's guide and the
// cap the value set may not pass (the bound the verifier and the simulator count with). With no
// cap, the statement's `assume at most D` is the bound (E0345 when neither is written).
setTime              : TIME SET BY roleList (COMMA GUIDE duration)? (COMMA UP TO duration)? ;
timeChoice           : duration | THE? setTime ;
guard                : IF condition ;
// How firm a response timescale is (docs/language.md section 10): without a word it must be met
// (missing it escalates); `where possible` and `as a guide` make it soft (missing it is recorded,
// and escalation waits for the escalator). `assume at most D` bounds a soft one for the tools.
firmness             : WHERE_POSSIBLE | AS A GUIDE ;
assumption           : COMMA? ASSUME AT MOST duration ;
// Words for urgency, each with one meaning (docs/language.md section 10)
promptly             : IMMEDIATELY | AS_SOON_AS_POSSIBLE | WITHOUT_DELAY ;

anchor
    : THE? START                                                     # startAnchor
    | name                                                           # eventAnchor
    ;

responseKind
    : RESOLVED                                                       # resolvedResponse
    | UNSATISFACTORY                                                 # unsatisfactoryResponse
    | NO RESPONSE                                                    # noResponse
    | NOT RESOLVED                                                   # notResolvedResponse
    ;

target
    : STAGE stageKey                                                 # stageTarget
    | RESOLVED                                                       # resolvedTarget
    | name                                                           # outcomeTarget
    ;

requirement
    : COMPLETED stageRefs                                            # completedRequirement
    | AGREEMENT OF name                                              # agreementRequirement
    | ADVICE OF name                                                 # adviceRequirement
    | condition                                                      # conditionRequirement
    ;

// ---------------------------------------------------------------------------------------------
// Stage references: `stage 4`, `stage 2..6`, `stage 4, stage 5 and stage 6`, `any stage`

stageRefs            : stageRef (listSep stageRef)* ;
stageRef
    : STAGE stageKey RANGE stageKey                                  # stageRangeRef
    | STAGE stageKey                                                 # singleStageRef
    | PHASE name                                                     # phaseStageRef
    ;

// ---------------------------------------------------------------------------------------------
// Phases: named groups of stages (`phase formal "The formal process" { stage 3..5 }`)

phaseStatement
    : stageRefs citation?                                            # phaseStagesStatement
    | SOURCE STRING                                                  # phaseSourceStatement
    ;

stageSet
    : EVERY STAGE (FROM STAGE stageKey)? (EXCEPT stageRefs)?          # everyStageSet
    | stageRefs                                                      # listedStageSet
    ;

rightKind
    : START AT rightTargets                                          # startRight
    | BYPASS TO rightTargets                                         # bypassRight
    | REFER TO name (AT ANY TIME | AT THE RAISE)?                    # referRight
    ;

rightTargets
    : ANY (OF)? STAGE                                                # anyStageTargets
    | ANY LATER STAGE                                                # anyLaterStageTargets
    | rightTarget (listSep rightTarget)*                             # listedTargets
    ;
rightTarget
    : stageRef                                                       # stageRightTarget
    | name                                                           # outcomeRightTarget
    ;

// ---------------------------------------------------------------------------------------------
// Extensions

extensionStatement
    : REQUESTED BY (roleList | ADDRESSEES) (IN WRITING)? (WITH RATIONALE)? citation? # requestedByStatement
    | GRANTED BY roleList citation?                                      # grantedByStatement
    | UP TO duration citation?                                           # upToStatement
    // `guide 5 working days`: the usual time ("usually up to another 5 working days"), not a cap
    | GUIDE duration citation?                                           # extensionGuideStatement
    | AT MOST INT TIMES (PER STAGE | IN TOTAL)? citation?                # atMostStatement
    | RECORD recordSubject citation?                                     # extensionRecordStatement
    | NOTIFY roleList citation?                                          # extensionNotifyStatement
    // `when requested by SocialWorker or CaseHoldingManager`: asked only of a request by them
    | REQUIRES requirement (COMMA requirement)* (WHEN REQUESTED BY toRoles)? citation? # extensionRequiresStatement
    | SOURCE STRING                                                      # extensionSourceStatement
    ;

// ---------------------------------------------------------------------------------------------
// Triggers over the case history

triggerStatement
    : WHEN history citation?                                         # triggerWhenStatement
    // `raise at stage 1 by CPChair`: which of the roles that may raise raises it (the first, else)
    | RAISE AT STAGE stageKey (BY name)? citation?                   # raiseAtStatement
    | SOURCE STRING                                                  # triggerSourceStatement
    ;

history
    : history AND history                                            # historyAnd
    | history OR history                                             # historyOr
    | LPAREN history RPAREN                                          # historyParens
    | name IS name repetition? sectionScope?                         # gradingHistory
    | name OCCURS comparison INT TIMES                               # countHistory
    | AT LEAST duration SINCE name                                   # durationHistory
    | name                                                           # attributeHistory
    ;
repetition
    : TWICE IN A ROW                                                 # twiceRepetition
    | INT TIMES IN A ROW                                             # countedRepetition
    ;
sectionScope
    : FOR ANY SECTION                                                # anySection
    | FOR THE SAME SECTION                                           # sameSection
    ;
comparison
    : MORE_KW THAN                                                      # moreThan
    | AT LEAST                                                       # atLeast
    ;

// ---------------------------------------------------------------------------------------------
// Limits and properties

// `total` bounds the sum of the stages' timescales; `elapsed` bounds the working days that pass on
// the calendar from the raise to the end (each move up the ladder at a close of day costs a day).
limitStatement
    : TOTAL (OF limitScope)? AT MOST duration citation?              # totalStatement
    | ELAPSED AT MOST duration citation?                             # elapsedStatement
    | SOURCE STRING                                                  # limitSourceStatement
    ;
limitScope
    : ALL STAGES                                                     # allStagesScope
    | stageRefs                                                      # listedStagesScope
    ;

// A bound in time stands only at the start of a property's claim, after `eventually` or
// `every path reaches`: `every path reaches resolved or cafcass within 20 working days`. It bounds
// the working days elapsed on the calendar, or with `in total` (as a policy's "timescales in
// total") the sum of the timescales.
propertyStatement
    : EVENTUALLY claim WITHIN duration (IN TOTAL)? citation?         # eventuallyWithinStatement
    | EVERY PATH REACHES claim WITHIN duration (IN TOTAL)? citation? # reachesWithinStatement
    | claim citation?                                                # claimStatement
    | SOURCE STRING                                                  # propertySourceStatement
    ;

// Temporal words take everything after them: `every path reaches resolved or cafcass` claims
// that every path reaches one of the two. `only after` binds looser than `and` / `or`.
claim
    : ALWAYS claim                                                   # alwaysClaim
    | EVENTUALLY claim                                               # eventuallyClaim
    | NEVER claim                                                    # neverClaim
    | AT EVERY STAGE claim                                           # everyStageClaim
    | EVERY PATH REACHES claim                                       # reachesClaim
    | claimDisjunction (ONLY AFTER claimDisjunction)?                # plainClaim
    ;
claimDisjunction     : claimConjunction (OR claimConjunction)* ;
claimConjunction     : claimUnary (AND claimUnary)* ;
claimUnary
    : NOT claimUnary                                                 # notClaim
    | LPAREN claim RPAREN                                            # parenClaim
    | COMPLETED stageRefs                                            # completedClaim
    | STAGE stageKey                                                 # inStageClaim
    | RESOLVED                                                       # resolvedClaim
    | name IS roleAction                                             # roleActionClaim
    | name                                                           # namedClaim
    ;
roleAction : ESCALATED TO | COPIED | NOTIFIED | ADVISED | CONSULTED ;

// ---------------------------------------------------------------------------------------------
// Invariants: a condition on the case that holds from the raise until the escalation ends
// ("the child remains in the placement until the escalation is resolved"); the engine refuses an
// event that would break it, the verifier checks it over every path.

invariantStatement
    : condition citation?                                            # invariantConditionStatement
    | SOURCE STRING                                                  # invariantSourceStatement
    ;

// ---------------------------------------------------------------------------------------------
// Conditions over case attributes

condition
    : NOT condition                                                  # notCondition
    | condition AND condition                                        # andCondition
    | condition OR condition                                         # orCondition
    | LPAREN condition RPAREN                                        # parenCondition
    | name IS name                                                   # isCondition
    | name                                                           # attributeCondition
    ;

// ---------------------------------------------------------------------------------------------
// Durations: always with a unit. A bare `days` parses so that the checker can explain it.

duration
    : SAME WORKING DAY                                               # sameWorkingDay
    | amount WORKING (DAY | DAYS)                                    # workingDays
    | amount WORKING (WEEK | WEEKS)                                  # workingWeeks
    | amount CALENDAR (DAY | DAYS)                                   # calendarDays
    | amount (WEEK | WEEKS)                                          # weeks
    | amount (MONTH | MONTHS)                                        # months
    | amount (HOUR | HOURS)                                          # hours
    | amount (DAY | DAYS)                                            # unlabelledDays
    ;
amount               : INT ;

citation             : {onSameLine()}? SOURCE STRING ;
names                : name (listSep name)* ;
// `decision` starts a stage statement but stays free as a name (a form's field `decision`)
name                 : IDENT | DECISION ;

// ---------------------------------------------------------------------------------------------
// Lexer. Keywords are lowercase and reserved; names are any other identifier.

PROTOCOL : 'protocol' ;   VERSION : 'version' ;     STATUS : 'status' ;       EFFECTIVE : 'effective' ;
REVIEW : 'review' ;       BY : 'by' ;               OWNER : 'owner' ;         CALENDAR : 'calendar' ;
CLOSED : 'closed' ;       EVERY : 'every' ;         YEAR : 'year' ;           FROM : 'from' ;
TO : 'to' ;               TIME : 'time' ;           ZONE : 'zone' ;           RAISED : 'raised' ;
SOURCE : 'source' ;       AGENCY : 'agency' ;       AGENCIES : 'agencies' ;   ROLE : 'role' ;
EXTERNAL : 'external' ;   ATTRIBUTE : 'attribute' ; ONE : 'one' ;           OF : 'of' ;
EVENT : 'event' ;         SCALE : 'scale' ;         FORM : 'form' ;           FIELD : 'field' ;
TEXT : 'text' ;           DATE_KW : 'date' ;        NUMBER : 'number' ;       YES_NO : 'yes-no' ;
STAGE : 'stage' ;         STAGES : 'stages' ;       OUTCOME : 'outcome' ;     AT : 'at' ;
MAY : 'may' ;             WITH : 'with' ;           REASON : 'reason' ;       CONCURRENTLY : 'concurrently' ;
EXTENSION : 'extension' ; TRIGGER : 'trigger' ;     LIMIT : 'limit' ;         PROPERTY : 'property' ;
ELAPSED : 'elapsed' ;
IN : 'in' ;               BOTH : 'both' ;           COPY : 'copy' ;           NOTIFY : 'notify' ;
ADVISE : 'advise' ;       CONSULT : 'consult' ;     ACTION : 'action' ;       RECORD : 'record' ;
SENT : 'sent' ;           REMIND : 'remind' ;       UNTIL : 'until' ;         COPYING : 'copying' ;
RESPOND : 'respond' ;     WITHIN : 'within' ;       THE : 'the' ;             AFTER : 'after' ;
REQUIRES : 'requires' ;   ONLY : 'only' ;           IF : 'if' ;               WHEN : 'when' ;
GO : 'go' ;               START : 'start' ;         RESOLVED : 'resolved' ;   UNSATISFACTORY : 'unsatisfactory' ;
NO : 'no' ;               RESPONSE : 'response' ;   NOT : 'not' ;             COMPLETED : 'completed' ;
AGREEMENT : 'agreement' ; ADVICE : 'advice' ;       AND : 'and' ;             OR : 'or' ;
EXCEPT : 'except' ;       BYPASS : 'bypass' ;       REFER : 'refer' ;         ANY : 'any' ;
REQUESTED : 'requested' ; WRITING : 'writing' ;     RATIONALE : 'rationale' ; GRANTED : 'granted' ;
UP : 'up' ;               MOST : 'most' ;           TIMES : 'times' ;         PER : 'per' ;
TOTAL : 'total' ;         RAISE : 'raise' ;         IS : 'is' ;               TWICE : 'twice' ;
A : 'a' ;                 ROW : 'row' ;             FOR : 'for' ;             SECTION : 'section' ;
SAME : 'same' ;           OCCURS : 'occurs' ;       MORE_KW : 'more' ;           THAN : 'than' ;
LEAST : 'least' ;         SINCE : 'since' ;         ALL : 'all' ;             ALWAYS : 'always' ;
EVENTUALLY : 'eventually' ; NEVER : 'never' ;       PATH : 'path' ;           REACHES : 'reaches' ;
ESCALATED : 'escalated' ; COPIED : 'copied' ;       NOTIFIED : 'notified' ;   ADVISED : 'advised' ;
CONSULTED : 'consulted' ; WORKING : 'working' ;     DAY : 'day' ;             DAYS : 'days' ;
WEEK : 'week' ;           WEEKS : 'weeks' ;         MONTH : 'month' ;         MONTHS : 'months' ;
HOUR : 'hour' ;           HOURS : 'hours' ;         PHASE : 'phase' ;         LATER : 'later' ;         ABOUT : 'about' ;
SET : 'set' ;             GUIDE : 'guide' ;         EARLIER : 'earlier' ;         BEFORE : 'before' ;
OTHERWISE : 'otherwise' ;
ADDRESSEES : 'addressees' ;
INVARIANT : 'invariant' ;
JUDGED : 'judged' ;
DECISION : 'decision' ;
REPLACE : 'replace' ;       REMOVE : 'remove' ;
// one token of two words, so that `based` and `on` alone stay free for names
BASED_ON : 'based' [ \t]+ 'on' ;
// several words each, so that `where`, `possible`, `soon`, `without` and `delay` stay free for names
WHERE_POSSIBLE : 'where' [ \t]+ 'possible' ;
AS_SOON_AS_POSSIBLE : 'as' [ \t]+ 'soon' [ \t]+ 'as' [ \t]+ 'possible' ;
WITHOUT_DELAY : 'without' [ \t]+ 'delay' ;
IMMEDIATELY : 'immediately' ;  ASSUME : 'assume' ;
// one token of two words, so that `unavailable` alone stays free for names
WHEN_UNAVAILABLE : 'when' [ \t]+ 'unavailable' ;
// one token of four words, so that `looked` and `directory` alone stay free for names
LOOKED_UP_IN_DIRECTORY : 'looked' [ \t]+ 'up' [ \t]+ 'in' [ \t]+ 'directory' ;
VIA : 'via' ;             AS : 'as' ;
// one token of two words, so that `good` and `practice` alone stay free for names (a grading `good`)
GOOD_PRACTICE : 'good' [ \t]+ 'practice' ;

LBRACE : '{' ;  RBRACE : '}' ;  LPAREN : '(' ;  RPAREN : ')' ;  COMMA : ',' ;  EQUALS : '=' ;
RANGE : '..' ;

DATE     : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
MONTHDAY : DIGIT DIGIT '-' DIGIT DIGIT ;
INT      : DIGIT+ ;
// A stage numbered as policies number them: `3A`, `4a`, `4b` (a number, then a letter).
NUMBERED_KEY : DIGIT+ [a-zA-Z] [a-zA-Z0-9_]* ;
IDENT    : [a-zA-Z_] [a-zA-Z0-9_-]* ;
STRING   : '"' ( ~["\\\r\n] | '\\' ["\\] )* '"' ;

COMMENT  : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS       : [ \t\r\n\u000C]+ -> skip ;

// Anything else becomes a token of its own so that the parser, not the lexer, reports it
// with a position and the rest of the file is still read.
UNTERMINATED_STRING : '"' ( ~["\\\r\n] | '\\' ["\\] )* ;
UNKNOWN_CHAR : . ;

fragment DIGIT : [0-9] ;
