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

// BCAST sets X to 16 copies of the byte in the 8-byte constant C, through DX.
#define BCAST(C, X) \
	MOVQ       $C, DX \
	MOVQ       DX, X  \
	PUNPCKLQDQ X, X

// func base64Index(b []byte) int
TEXT ·base64Index(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	ANDQ $-16, CX
	XORQ AX, AX
	BCAST(0x2020202020202020, X0) // the lower-case bit
	BCAST(0x6161616161616161, X1) // 'a'
	BCAST(0x1919191919191919, X2) // 'z'-'a'
	BCAST(0x3030303030303030, X3) // '0'
	BCAST(0x0909090909090909, X4) // '9'-'0'
	BCAST(0x2b2b2b2b2b2b2b2b, X5) // '+'
	BCAST(0x2d2d2d2d2d2d2d2d, X6) // '-'
	BCAST(0x2f2f2f2f2f2f2f2f, X7) // '/'
	BCAST(0x3d3d3d3d3d3d3d3d, X8) // '='
	BCAST(0x5f5f5f5f5f5f5f5f, X9) // '_'

loop:
	CMPQ  AX, CX
	JAE   none
	MOVOU (SI)(AX*1), X10
	// Letters: the byte with its lower-case bit set is in 'a'..'z'.
	MOVO    X10, X11
	POR     X0, X11
	PSUBB   X1, X11
	MOVO    X11, X12
	PMINUB  X2, X12
	PCMPEQB X12, X11
	// Digits.
	MOVO    X10, X12
	PSUBB   X3, X12
	MOVO    X12, X13
	PMINUB  X4, X13
	PCMPEQB X13, X12
	POR     X12, X11
	// The five others.
	MOVO    X10, X12
	PCMPEQB X5, X12
	POR     X12, X11
	MOVO    X10, X12
	PCMPEQB X6, X12
	POR     X12, X11
	MOVO    X10, X12
	PCMPEQB X7, X12
	POR     X12, X11
	MOVO    X10, X12
	PCMPEQB X8, X12
	POR     X12, X11
	MOVO    X10, X12
	PCMPEQB X9, X12
	POR     X12, X11
	PMOVMSKB X11, DX
	XORL     $0xffff, DX // the bytes that are none of them
	JNZ      found
	ADDQ     $16, AX
	JMP      loop

found:
	BSFL DX, DX
	ADDQ DX, AX
	MOVQ AX, ret+24(FP)
	RET

none:
	MOVQ CX, ret+24(FP)
	RET

// func asciiIndex(b []byte) int
TEXT ·asciiIndex(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	ANDQ $-16, CX
	XORQ AX, AX

loop64:
	LEAQ  64(AX), DX
	CMPQ  DX, CX
	JHI   loop16
	MOVOU (SI)(AX*1), X0
	MOVOU 16(SI)(AX*1), X1
	MOVOU 32(SI)(AX*1), X2
	MOVOU 48(SI)(AX*1), X3
	MOVO  X0, X4
	POR   X1, X4
	POR   X2, X4
	POR   X3, X4
	PMOVMSKB X4, DX
	TESTL    DX, DX
	JNZ      loop16 // the block is found 16 bytes a turn
	ADDQ     $64, AX
	JMP      loop64

loop16:
	CMPQ     AX, CX
	JAE      none
	MOVOU    (SI)(AX*1), X0
	PMOVMSKB X0, DX
	TESTL    DX, DX
	JNZ      found
	ADDQ     $16, AX
	JMP      loop16

found:
	BSFL DX, DX
	ADDQ DX, AX
	MOVQ AX, ret+24(FP)
	RET

none:
	MOVQ CX, ret+24(FP)
	RET

// stringConsts are SPECIAL's operands, 16 copies each: the quote, the backslash and 0x1f.
DATA stringConsts<>+0(SB)/8, $0x2222222222222222
DATA stringConsts<>+8(SB)/8, $0x2222222222222222
DATA stringConsts<>+16(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA stringConsts<>+24(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA stringConsts<>+32(SB)/8, $0x1f1f1f1f1f1f1f1f
DATA stringConsts<>+40(SB)/8, $0x1f1f1f1f1f1f1f1f
GLOBL stringConsts<>(SB), RODATA|NOPTR, $48

// func stringScan(b []byte) int
TEXT ·stringScan(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), BX
	LEAQ -16(BX), CX             // the last block's start
	XORQ AX, AX
	LEAQ ·simpleEscape(SB), R8
	MOVOU stringConsts<>+0(SB), X1
	MOVOU stringConsts<>+16(SB), X2
	MOVOU stringConsts<>+32(SB), X3

loop:
	CMPQ  AX, CX
	JGT   done                   // fewer than 16 bytes left (signed: b may be shorter)
	MOVOU (SI)(AX*1), X4
	SPECIAL(X4, X6, X7)
	PMOVMSKB X6, DX
	TESTL    DX, DX
	JNZ      found
	ADDQ     $16, AX
	JMP      loop

found:
	BSFL    DX, DX
	ADDQ    DX, AX               // at the quote, backslash or control byte
	CMPB    (SI)(AX*1), $0x5c
	JNE     done
	LEAQ    1(AX), DX
	CMPQ    DX, BX
	JAE     done                 // a backslash at the end
	MOVBLZX 1(SI)(AX*1), DX
	CMPB    (R8)(DX*1), $0
	JEQ     done                 // \u or an invalid escape
	ADDQ    $2, AX
	JMP     loop

done:
	MOVQ AX, ret+24(FP)
	RET

// QUOTEBS sets DX to the mask of the bytes of V that are a quote (X1) or a backslash (X2).
#define QUOTEBS(V) \
	MOVO     V, X5  \
	PCMPEQB  X1, V  \
	PCMPEQB  X2, X5 \
	POR      X5, V  \
	PMOVMSKB V, DX

// func stringEnd(data []byte, i int) int
TEXT ·stringEnd(SB), NOSPLIT, $0-40
	MOVQ  data_base+0(FP), SI
	MOVQ  data_len+8(FP), BX
	MOVQ  i+24(FP), AX
	CMPQ  AX, BX
	JAE   end                    // i out of data (unsigned: negative too)
	LEAQ  -16(BX), R10           // the last block's start
	LEAQ  32(AX), R11            // i+shortString: where the search for quotes alone starts
	MOVOU stringConsts<>+0(SB), X1
	MOVOU stringConsts<>+16(SB), X2

loop: // quotes and backslashes
	CMPQ  AX, R10
	JGT   tail                   // fewer than 16 bytes left (signed: data may be shorter)
	CMPQ  AX, R11
	JGE   long
	MOVOU (SI)(AX*1), X4
	QUOTEBS(X4)
	TESTL DX, DX
	JZ    next
	BSFL  DX, DX
	ADDQ  DX, AX
	CMPB  (SI)(AX*1), $0x22
	JEQ   done
	ADDQ  $2, AX                 // an escape: the backslash and the byte it escapes
	JMP   loop

next:
	ADDQ $16, AX
	JMP  loop

tail: // the last 15 bytes or fewer, from AX on
	CMPQ  AX, BX
	JGE   end
	CMPQ  BX, $16
	JLT   bytes
	MOVOU -16(SI)(BX*1), X4      // the last 16 bytes, the first AX-R10 of them dropped
	QUOTEBS(X4)
	MOVQ  AX, CX
	SUBQ  R10, CX
	SHRL  CX, DX
	TESTL DX, DX
	JZ    end
	BSFL  DX, DX
	ADDQ  DX, AX
	CMPB  (SI)(AX*1), $0x22
	JEQ   done
	ADDQ  $2, AX
	JMP   tail

bytes: // data is shorter than 16 bytes
	CMPQ    AX, BX
	JGE     end
	MOVBLZX (SI)(AX*1), DX
	CMPB    DX, $0x22
	JEQ     done
	INCQ    AX
	CMPB    DX, $0x5c
	JNE     bytes
	INCQ    AX
	JMP     bytes

long: // quotes alone, from AX, where no escape is open (R12); the backslashes before a quote
	// are counted back to R12 at most, and an even number leaves it unescaped
	MOVQ AX, R12

longloop:
	CMPQ     AX, R10
	JGT      longtail
	MOVOU    (SI)(AX*1), X4
	PCMPEQB  X1, X4
	PMOVMSKB X4, DX
	TESTL    DX, DX
	JNZ      quotes
	ADDQ     $16, AX
	JMP      longloop

quotes: // the quotes of DX, bit k at AX+k
	BSFL DX, R9
	ADDQ AX, R9                  // a quote
	LEAQ -1(R9), R13

count:
	CMPQ R13, R12
	JLT  counted
	CMPB (SI)(R13*1), $0x5c
	JNE  counted
	DECQ R13
	JMP  count

counted: // R9-1-R13 backslashes
	MOVQ  R9, CX
	SUBQ  R13, CX
	TESTQ $1, CX                 // odd when the backslashes are even
	JNZ   found
	LEAL  -1(DX), CX             // the next quote
	ANDL  CX, DX
	JNZ   quotes
	ADDQ  $16, AX
	JMP   longloop

found:
	MOVQ R9, AX
	JMP  done

longtail: // the last 15 bytes or fewer from AX on (data is longer than 16 bytes here)
	CMPQ     AX, BX
	JGE      end
	MOVOU    -16(SI)(BX*1), X4
	PCMPEQB  X1, X4
	PMOVMSKB X4, DX
	MOVQ     AX, CX
	SUBQ     R10, CX
	SHRL     CX, DX
	MOVQ     BX, AX              // after these, the end
	TESTL    DX, DX
	JZ       end
	MOVQ     R10, AX             // as a block at AX: bit k at AX+k once shifted back
	SHLL     CX, DX
	JMP      quotes

end:
	MOVQ BX, AX

done:
	MOVQ AX, ret+32(FP)
	RET
