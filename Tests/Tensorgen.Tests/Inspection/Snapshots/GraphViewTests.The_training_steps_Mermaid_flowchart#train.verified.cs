flowchart TD
  n0[/"x<br/>float64 (?, ?)"/]
  n1[/"y<br/>float64 (?,)"/]
  n2[("w*<br/>float64 (?,)")]
  n3["dot"]
  n4[("b*<br/>float64 ()")]
  subgraph step3 ["step 3: elementwise kernel, in the sweep of step 2"]
    n5["add"]
    n6["neg"]
    n9["abs"]
    n10["neg"]
    n11["exp"]
    n12["add"]
    n13["true_div"]
    n14["mul"]
    n15["ge"]
    n16["switch"]
    n18["gt"]
    n19["neg"]
    n20["maximum"]
    n21["log1p"]
    n22["add"]
    n23["neg"]
    n24["mul"]
    n25["sub"]
    n26["ge"]
    n27["switch"]
    n28["maximum"]
    n29["add"]
    n30["neg"]
    n31["mul"]
    n32["sub"]
    n42["second"]
    n43["neg"]
    n44["mul"]
    n45["neg"]
    n46["mul"]
    n47["mul"]
    n48["neg"]
    n49["mul"]
    n50["neg"]
    n51["add"]
  end
  n7(("1"))
  n8(("0"))
  n17(("0.5"))
  n33["dimsize{0}"]
  subgraph step1 ["step 1: scalar kernel"]
    n34["cast"]
    n41["true_div"]
  end
  n35(("2"))
  n36["sqr"]
  n37(("0.01"))
  subgraph step6 ["step 6: elementwise kernel"]
    n38["second"]
    n39["mul"]
    n40["mul"]
    n54["add"]
    n56["mul"]
    n57["sub"]
  end
  n52["sum{axis=(0,)}"]
  n53["dot"]
  n55(("0.1"))
  subgraph step7 ["step 7: scalar kernel"]
    n58["mul"]
    n59["sub"]
  end
  n0 -->|"float64 (?, ?)"| n3
  n2 -->|"float64 (?,)"| n3
  n3 -->|"float64 (?,)"| n5
  n4 -->|"float64 ()"| n5
  n5 -->|"float64 (?,)"| n6
  n5 -->|"float64 (?,)"| n9
  n9 -->|"float64 (?,)"| n10
  n10 -->|"float64 (?,)"| n11
  n7 -->|"float64 ()"| n12
  n11 -->|"float64 (?,)"| n12
  n7 -->|"float64 ()"| n13
  n12 -->|"float64 (?,)"| n13
  n11 -->|"float64 (?,)"| n14
  n13 -->|"float64 (?,)"| n14
  n5 -->|"float64 (?,)"| n15
  n8 -->|"float64 ()"| n15
  n15 -->|"bool (?,)"| n16
  n13 -->|"float64 (?,)"| n16
  n14 -->|"float64 (?,)"| n16
  n16 -->|"float64 (?,)"| n18
  n17 -->|"float64 ()"| n18
  n1 -->|"float64 (?,)"| n19
  n6 -->|"float64 (?,)"| n20
  n8 -->|"float64 ()"| n20
  n11 -->|"float64 (?,)"| n21
  n20 -->|"float64 (?,)"| n22
  n21 -->|"float64 (?,)"| n22
  n22 -->|"float64 (?,)"| n23
  n19 -->|"float64 (?,)"| n24
  n23 -->|"float64 (?,)"| n24
  n7 -->|"float64 ()"| n25
  n1 -->|"float64 (?,)"| n25
  n6 -->|"float64 (?,)"| n26
  n8 -->|"float64 ()"| n26
  n26 -->|"bool (?,)"| n27
  n13 -->|"float64 (?,)"| n27
  n14 -->|"float64 (?,)"| n27
  n5 -->|"float64 (?,)"| n28
  n8 -->|"float64 ()"| n28
  n28 -->|"float64 (?,)"| n29
  n21 -->|"float64 (?,)"| n29
  n29 -->|"float64 (?,)"| n30
  n25 -->|"float64 (?,)"| n31
  n30 -->|"float64 (?,)"| n31
  n24 -->|"float64 (?,)"| n32
  n31 -->|"float64 (?,)"| n32
  n32 -->|"float64 (?,)"| n33
  n33 -->|"int64 ()"| n34
  n2 -->|"float64 (?,)"| n36
  n36 -->|"float64 (?,)"| n38
  n37 -->|"float64 ()"| n38
  n35 -->|"float64 ()"| n39
  n2 -->|"float64 (?,)"| n39
  n38 -->|"float64 (?,)"| n40
  n39 -->|"float64 (?,)"| n40
  n7 -->|"float64 ()"| n41
  n34 -->|"float64 ()"| n41
  n32 -->|"float64 (?,)"| n42
  n41 -->|"float64 ()"| n42
  n42 -->|"float64 (?,)"| n43
  n43 -->|"float64 (?,)"| n44
  n25 -->|"float64 (?,)"| n44
  n44 -->|"float64 (?,)"| n45
  n45 -->|"float64 (?,)"| n46
  n16 -->|"float64 (?,)"| n46
  n42 -->|"float64 (?,)"| n47
  n19 -->|"float64 (?,)"| n47
  n47 -->|"float64 (?,)"| n48
  n48 -->|"float64 (?,)"| n49
  n27 -->|"float64 (?,)"| n49
  n49 -->|"float64 (?,)"| n50
  n46 -->|"float64 (?,)"| n51
  n50 -->|"float64 (?,)"| n51
  n51 -->|"float64 (?,)"| n52
  n0 -->|"float64 (?, ?)"| n53
  n51 -->|"float64 (?,)"| n53
  n40 -->|"float64 (?,)"| n54
  n53 -->|"float64 (?,)"| n54
  n55 -->|"float64 ()"| n56
  n54 -->|"float64 (?,)"| n56
  n2 -->|"float64 (?,)"| n57
  n56 -->|"float64 (?,)"| n57
  n55 -->|"float64 ()"| n58
  n52 -->|"float64 ()"| n58
  n4 -->|"float64 ()"| n59
  n58 -->|"float64 ()"| n59
  n18 --> out0(["output 0: prediction"])
  n32 --> out1(["output 1: xent"])
  n57 -.-> update0>"update w"]
  n59 -.-> update1>"update b"]
  classDef input fill:#dbeafe,stroke:#1d4ed8
  classDef shared fill:#fef3c7,stroke:#b45309
  classDef draw fill:#f5d0fe,stroke:#a21caf
  classDef constant fill:#f1f5f9,stroke:#94a3b8
  class n0,n1 input
  class n2,n4 shared
  class n7,n8,n17,n35,n37,n55 constant
