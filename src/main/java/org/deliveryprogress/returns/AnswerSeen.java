package org.deliveryprogress.returns;

import jakarta.persistence.Embeddable;

/**
 * One answer of an update's evidence as its judging officer read it when sending the update back: what it answers
 * ("NI 1: People who get on well") and the answer in words ("74.2 % (2026/27 Q2); note: ...").
 */
@Embeddable
class AnswerSeen {

    private String item;
    private String answer;

    protected AnswerSeen() {
    }

    AnswerSeen(String item, String answer) {
        this.item = item;
        this.answer = answer;
    }

    String getItem() {
        return item;
    }

    String getAnswer() {
        return answer;
    }
}
