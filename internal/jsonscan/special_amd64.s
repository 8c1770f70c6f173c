//go:build !purego

#include "textflag.h"

// SPECIAL sets M to the mask of the bytes of V that are a quote (X1), a backslash (X2) or at
// most 0x1f (X3): each such byte 0xff. T is scratch.
#define SPECIAL(V, M, T) \
	MOVO    V, M      \
	PCMPEQB X1, M     \
	MOVO    V, T      \
	PCMPEQB X2, T     \
	POR     T, M      \
	MOVO    V, T      \
	PMINUB  X3, T     \
	PCMPEQB V, T      \
	POR     T, M

// func specialIndex(b []byte) int
TEXT ·specialIndex(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	ANDQ $-16, CX                // the end of the whole blocks
	XORQ AX, AX
	MOVQ $0x2222222222222222, DX
	MOVQ DX, X1
	PUNPCKLQDQ X1, X1
	MOVQ $0x5c5c5c5c5c5c5c5c, DX
	MOVQ DX, X2
	PUNPCKLQDQ X2, X2
	MOVQ $0x1f1f1f1f1f1f1f1f, DX
	MOVQ DX, X3
	PUNPCKLQDQ X3, X3

loop32:
	LEAQ  32(AX), DX
	CMPQ  DX, CX
	JHI   last16
	MOVOU (SI)(AX*1), X4
	MOVOU 16(SI)(AX*1), X5
	SPECIAL(X4, X6, X7)
	SPECIAL(X5, X8, X7)
	MOVO     X6, X7
	POR      X8, X7
	PMOVMSKB X7, DX
	TESTL    DX, DX
	JNZ      found32
	ADDQ     $32, AX
	JMP      loop32

found32:
	PMOVMSKB X6, DX
	TESTL    DX, DX
	JNZ      found
	PMOVMSKB X8, DX
	ADDQ     $16, AX

found:
	BSFL DX, DX
	ADDQ DX, AX
	MOVQ AX, ret+24(FP)
	RET

last16:
	CMPQ  AX, CX
	JAE   none
	MOVOU (SI)(AX*1), X4
	SPECIAL(X4, X6, X7)
	PMOVMSKB X6, DX
	TESTL    DX, DX
	JNZ      found

none:
	MOVQ CX, ret+24(FP)
	RET
