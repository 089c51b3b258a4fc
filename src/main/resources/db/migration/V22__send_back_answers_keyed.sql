-- Each answer a send-back keeps names what it answers by its key as well as by its words: the indicator's code, the
-- action's reference, the remedial action's id. The words come from the register, which an import may change while
-- the update waits for its answer: compared by them, a reworded indicator or action read as one answer removed and
-- another given, and two remedial actions of the same words as one. Rows kept before this version have no key and
-- are compared by their words.
ALTER TABLE send_back_answer
    ADD COLUMN item_key VARCHAR(100) NULL;
