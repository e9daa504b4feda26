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
}
