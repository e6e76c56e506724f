package cn.changjiang.mining.insight;

/** A kind of node full-text search finds (the labels of the search_text index), as the schema's enum {@code SearchType}. */
public enum SearchType {
    Mine, Issue, Unit, Person, ViolationType, Task
}
