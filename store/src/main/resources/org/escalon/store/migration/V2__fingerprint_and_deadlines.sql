-- Version 2: each escalation carries the identity of the protocol it was written under, and each
-- event the deadline it set, so that a stored escalation is never replayed under other rules and
-- its deadlines never move when the calendar gains a bank holiday or a closure day.

-- The protocol's version and fingerprint (`rules:... calendar:...`, see Fingerprint) when the
-- escalation was created. Empty for escalations written before version 2 of this schema.
ALTER TABLE escalon_escalation ADD COLUMN protocol_version VARCHAR(1000);
ALTER TABLE escalon_escalation ADD COLUMN fingerprint VARCHAR(100);

-- The deadline this event set (a stage entered, an extension granted), as the engine computed it
-- and a log records it (`due=`); empty when it set none.
ALTER TABLE escalon_event ADD COLUMN due TIMESTAMP WITH TIME ZONE;
