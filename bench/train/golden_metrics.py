# Golden metric values for toolkit MetricsTest: run with Debian python3-sklearn (/usr/bin/python3).
import numpy as np
from sklearn import metrics as m
yt=np.array([3.0,-0.5,2.0,7.0,4.2,1.1]); yp=np.array([2.5,0.0,2.1,7.8,3.9,0.4])
print("mse",repr(m.mean_squared_error(yt,yp)),"mae",repr(m.mean_absolute_error(yt,yp)),"r2",repr(m.r2_score(yt,yp)),"rmse",repr(np.sqrt(m.mean_squared_error(yt,yp))))
ct=np.array([0,1,2,2,1,0,2,1,1,0,2,2]); cp=np.array([0,2,2,2,1,1,0,1,1,0,2,1])
print("acc",repr(m.accuracy_score(ct,cp)))
for a in ["macro","micro","weighted"]:
    print(a, repr(m.precision_score(ct,cp,average=a)), repr(m.recall_score(ct,cp,average=a)), repr(m.f1_score(ct,cp,average=a)))
print("per", m.precision_score(ct,cp,average=None).tolist(), m.recall_score(ct,cp,average=None).tolist(), m.f1_score(ct,cp,average=None).tolist())
print("cm", m.confusion_matrix(ct,cp).tolist())
bt=np.array([0,0,1,1,0,1,1,0,1,0]); bs=np.array([0.1,0.4,0.35,0.8,0.4,0.9,0.65,0.2,0.5,0.55])
fpr,tpr,thr=m.roc_curve(bt,bs,drop_intermediate=False)
print("roc",fpr.tolist(),tpr.tolist(),thr.tolist())
print("auc",repr(m.roc_auc_score(bt,bs)))
print("blogloss",repr(m.log_loss(bt,bs)))
P=np.array([[0.7,0.2,0.1],[0.1,0.6,0.3],[0.2,0.2,0.6],[0.3,0.4,0.3],[0.5,0.25,0.25],[0.05,0.05,0.9]])
yl=np.array([0,1,2,0,1,2])
print("mlogloss",repr(m.log_loss(yl,P)))

# Golden values for ClassicRegressionTest (LinearRegression, Ridge(1.0), Lasso(0.1))

from sklearn.linear_model import LinearRegression, Ridge, Lasso
X=np.array([[1,2,0.5],[2,1,1.5],[3,4,2.0],[4,3,0.0],[5,6,1.0],[6,5,3.0],[7,8,2.5],[8,7,0.5]],dtype=float)
y=np.array([3.1,2.9,7.2,6.8,11.5,10.1,15.2,14.0])
for m in [LinearRegression(), Ridge(alpha=1.0), Lasso(alpha=0.1, tol=1e-12, max_iter=1000000)]:
    m.fit(X,y); print(type(m).__name__, m.coef_.tolist(), repr(m.intercept_))
