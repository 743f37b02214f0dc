package org.escalon.compiler.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagram interchange (BPMN DI) of an exported process, so that a modeller can open and show
 * it: a plain grid read left to right. The stages in a row, each with its response gateway to the
 * right, its deadline on its lower edge and the timeout below, its bypass on its upper edge and
 * reminders above; gates and waits for preconditions in a row below the stages, the end events
 * below them, the event sub-processes at the bottom. Flows are straight lines between centres.
 */
final class BpmnDiagram {

  static final String DI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DD = "http://www.omg.org/spec/DD/20100524/DI";

  static final int TASK_Y = 240;
  static final int TASK_WIDTH = 100;
  static final int TASK_HEIGHT = 80;
  static final int EVENT = 36;
  static final int GATEWAY = 50;
  private static final int LEFT = 220;
  private static final int STEP = 260;

  /** A shape's place and size. */
  private record Bounds(int x, int y, int width, int height, boolean expanded) {
    int centreX() {
      return x + width / 2;
    }

    int centreY() {
      return y + height / 2;
    }
  }

  /** A flow to draw. */
  record Edge(String id, String from, String to) {}

  private final Map<String, Bounds> shapes = new LinkedHashMap<>();

  /** The left edge of the n-th column (a stage's task, a gate, an end event). */
  static int column(int n) {
    return LEFT + n * STEP;
  }

  void task(String id, int x, int y) {
    shapes.put(id, new Bounds(x, y, TASK_WIDTH, TASK_HEIGHT, false));
  }

  void event(String id, int centreX, int centreY) {
    shapes.put(id, new Bounds(centreX - EVENT / 2, centreY - EVENT / 2, EVENT, EVENT, false));
  }

  void gateway(String id, int x, int y) {
    shapes.put(id, new Bounds(x, y, GATEWAY, GATEWAY, false));
  }

  void subProcess(String id, int x, int y, int width, int height) {
    shapes.put(id, new Bounds(x, y, width, height, true));
  }

  void write(XmlWriter xml, String process, List<Edge> edges) {
    xml.open("bpmndi:BPMNDiagram", "id", "diagram_" + process, "name", process);
    xml.open("bpmndi:BPMNPlane", "id", "plane_" + process, "bpmnElement", process);
    shapes.forEach((id, b) -> {
      xml.open("bpmndi:BPMNShape", "id", "shape_" + id, "bpmnElement", id, "isExpanded",
          b.expanded() ? "true" : null);
      xml.empty("dc:Bounds", "x", Integer.toString(b.x()), "y", Integer.toString(b.y()),
          "width", Integer.toString(b.width()), "height", Integer.toString(b.height()));
      xml.close("bpmndi:BPMNShape");
    });
    for (Edge edge : edges) {
      Bounds from = shapes.get(edge.from());
      Bounds to = shapes.get(edge.to());
      xml.open("bpmndi:BPMNEdge", "id", "edge_" + edge.id(), "bpmnElement", edge.id());
      xml.empty("di:waypoint", "x", Integer.toString(from.centreX()), "y",
          Integer.toString(from.centreY()));
      xml.empty("di:waypoint", "x", Integer.toString(to.centreX()), "y",
          Integer.toString(to.centreY()));
      xml.close("bpmndi:BPMNEdge");
    }
    xml.close("bpmndi:BPMNPlane");
    xml.close("bpmndi:BPMNDiagram");
  }
}
