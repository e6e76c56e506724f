package cn.changjiang.mining.requirement;

/** Where an obligation stands for a unit on a day, as the schema's {@code ObligationStatus}: met, or still due, or overdue. */
public enum ObligationStatus { DUE, OVERDUE, MET }
