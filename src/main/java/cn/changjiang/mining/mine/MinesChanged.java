package cn.changjiang.mining.mine;

import java.util.List;

/**
 * Published inside the transaction of a write that can change what a mine's problems are counted by (its township,
 * mineral or district), so figures kept per problem are brought up to date before it commits. Listeners run
 * synchronously, in that transaction.
 *
 * @param mineIds the mines written
 */
public record MinesChanged(List<String> mineIds) {
}
