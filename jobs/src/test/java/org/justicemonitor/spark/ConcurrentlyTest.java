package org.justicemonitor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

  @Test
  void resultsComeInTheOrderOfTheItemsWhicheverFinishesFirst() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    // The first item takes longest: it finishes last, and still comes first.
    List<Integer> out = Concurrently.map(List.of(300, 10, 100), 2, ms -> {
      threads.add(Thread.currentThread().getName());
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return ms * 2;
    });
    assertEquals(List.of(600, 20, 200), out);
    assertEquals(Set.of("justice-monitor-driver"), threads);
  }

  @Test
  void aFailureIsRethrownAsItWas() {
    IllegalArgumentException failure = new IllegalArgumentException("no such table");
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> Concurrently.run(List.of(() -> {}, () -> {
          throw failure;
        }), 2));
    assertSame(failure, thrown);
  }

  @Test
  void backgroundWorkRunsBesideTheCallerInOrderAndAwaitRethrowsItsFailure() throws Exception {
    List<String> done = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.CountDownLatch callerWent = new java.util.concurrent.CountDownLatch(1);
    IllegalStateException failure = new IllegalStateException("cannot save");
    try (Concurrently.Background background = Concurrently.background()) {
      background.submit(() -> {
        try {
          // Waits for the caller: the submit returned before this ran.
          callerWent.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        done.add("first");
      });
      background.submit(() -> done.add("second"));
      background.submit(() -> {
        throw failure;
      });
      done.add("caller");
      callerWent.countDown();
      assertSame(failure, assertThrows(IllegalStateException.class, background::await));
    }
    assertEquals(List.of("caller", "first", "second"), done);
  }
}
