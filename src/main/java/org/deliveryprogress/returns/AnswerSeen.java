package org.deliveryprogress.returns;

import jakarta.persistence.Embeddable;

/**
 * One answer of an update's evidence as its judging officer read it when sending the update back: what it answers, by
 * its key ("indicator NI 1", "action CS.1", "remedial action 17") and in words ("NI 1: People who get on well"), and
 * the answer in words ("74.2 % (2026/27 Q2); note: ..."). Answers compare by their keys, since the words of what they
 * answer are the register's, which may change in the meantime.
 */
@Embeddable
class AnswerSeen {

    /** Null for an answer kept before keys were (Flyway V22): it compares by its words. */
    private String itemKey;
    private String item;
    private String answer;

    protected AnswerSeen() {
    }

    AnswerSeen(String itemKey, String item, String answer) {
        this.itemKey = itemKey;
        this.item = item;
        this.answer = answer;
    }

    String getItemKey() {
        return itemKey;
    }

    String getItem() {
        return item;
    }

    String getAnswer() {
        return answer;
    }
}
