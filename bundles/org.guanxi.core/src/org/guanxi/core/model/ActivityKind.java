package org.guanxi.core.model;

/** What a sales activity is (销售活动): a call, a visit to the customer, a meeting, or a task to do by a time. */
public enum ActivityKind {
    CALL(Channel.PHONE), VISIT(Channel.VISIT), MEETING(Channel.MEETING), TASK(null);

    private final Channel channel;

    ActivityKind(Channel channel) {
        this.channel = channel;
    }

    /** The channel a done activity of this kind is logged under on the customer's timeline; null for a task. */
    public Channel channel() {
        return channel;
    }
}
